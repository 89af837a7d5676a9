// Three collections run side by side: each starts an app of its own and spends much of its time waiting on it (a drill's
// queue draining, a page's live update), which another collection's work fills. xunit's default, as many as the machine
// has cores (two here), queued the Replicas app behind the other four; four at once loaded the two cores so that an app
// took over three minutes to start.
[assembly: CollectionBehavior(MaxParallelThreads = 3)]
