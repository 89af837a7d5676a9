using Xunit.Abstractions;
using Xunit.Sdk;

namespace GymIoT.Tests.Drills;

/// <summary>Orders a drill class's tests by name, with any that restart the DynamoDB emulator last.</summary>
public sealed class DynamoDbRestartLast : ITestCaseOrderer
{
    public const string TypeName = "GymIoT.Tests.Drills.DynamoDbRestartLast";

    public const string AssemblyName = "GymIoT.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases
            .OrderBy(test => test.TestMethod.Method.Name.Contains("DynamoDB_emulator", StringComparison.Ordinal))
            .ThenBy(test => test.TestMethod.Method.Name, StringComparer.Ordinal);
}
