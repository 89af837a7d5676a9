using Xunit.Abstractions;
using Xunit.Sdk;

namespace GymIoT.Tests.Drills;

/// <summary>
/// Orders a drill class's tests by name, with any that restart the DynamoDB emulator first, so the drills after it run
/// on a restarted emulator with a larger store: the order that once exposed dynalite losing acknowledged updates
/// (RELIABILITY.md), kept so that the drills go on proving it cannot come back unnoticed.
/// </summary>
public sealed class DynamoDbRestartFirst : ITestCaseOrderer
{
    public const string TypeName = "GymIoT.Tests.Drills.DynamoDbRestartFirst";

    public const string AssemblyName = "GymIoT.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases
            .OrderByDescending(test => test.TestMethod.Method.Name.Contains("DynamoDB_emulator", StringComparison.Ordinal))
            .ThenBy(test => test.TestMethod.Method.Name, StringComparer.Ordinal);
}
