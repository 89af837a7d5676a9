using Xunit.Abstractions;
using Xunit.Sdk;

namespace GymIoT.Tests.Infrastructure;

/// <summary>
/// Starts the collections that take longest first: each runs its own app and takes one of the parallel slots for as long
/// as it runs, so the drills (the longest, and waiting on timers much of the time) start at once instead of behind the
/// unit test classes, and the short ones fill the slots that free up.
/// </summary>
public sealed class LongestCollectionsFirst : ITestCollectionOrderer
{
    public const string TypeName = "GymIoT.Tests.Infrastructure.LongestCollectionsFirst";

    public const string AssemblyName = "GymIoT.Tests";

    private static readonly string[] Longest = [DrillCollection.Name, PipelineCollection.Name, PlatformCollection.Name, ReplicaCollection.Name, ProductionCollection.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(collection => Array.IndexOf(Longest, collection.DisplayName) is var rank and >= 0 ? rank : Longest.Length)
            .ThenBy(collection => collection.DisplayName, StringComparer.Ordinal);
}
