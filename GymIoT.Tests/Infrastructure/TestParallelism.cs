using GymIoT.Tests.Infrastructure;

// Three collections run side by side: each starts an app of its own and spends much of its time waiting on it (a drill's
// queue draining, a page's live update), which another collection's work fills. xunit's default, as many as the machine
// has cores (two here), queued the Replicas app behind the other four; with all five at once the Replicas app did not
// become healthy within five minutes. The longest collections take the first slots.
[assembly: CollectionBehavior(MaxParallelThreads = 3)]
[assembly: TestCollectionOrderer(LongestCollectionsFirst.TypeName, LongestCollectionsFirst.AssemblyName)]
