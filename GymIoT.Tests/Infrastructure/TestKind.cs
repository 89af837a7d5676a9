namespace GymIoT.Tests.Infrastructure;

/// <summary>
/// The kind of every test class, as a trait, so that one kind can be run alone: <c>dotnet test --filter Category=Unit</c>
/// runs the pure tests in seconds. <c>KindTests</c> checks that no test class is without one.
/// </summary>
public static class TestKind
{
    public const string Category = "Category";

    /// <summary>Code alone: no process, no emulator, no app started.</summary>
    public const string Unit = "Unit";

    /// <summary>Against the emulators the AppHost starts, with the services' code in process (the Platform collection).</summary>
    public const string Integration = "Integration";

    /// <summary>The whole system started by its AppHost: the pipeline, the Production switch, the fault drills.</summary>
    public const string EndToEnd = "EndToEnd";

    /// <summary>The AWS stack of <c>deploy/</c> synthesized by the CDK (its runtime on Node) and checked, with no AWS account.</summary>
    public const string Deploy = "Deploy";

    /// <summary>The running system in headless Chromium.</summary>
    public const string Browser = "Browser";
}
