using System.Diagnostics;
using System.Text.Json;
using GymIoT.Deploy.Security;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Deploy;

/// <summary>
/// cdk-nag's AWS Solutions pack itself (from npm, <c>deploy/nag</c>) run on the synthesized stack: every finding is one the
/// stack keeps on purpose (<see cref="NagAcknowledgements"/>, each with its reason), and every acknowledgement is needed.
/// </summary>
[Trait(TestKind.Category, TestKind.Deploy)]
public sealed class CdkNagTests
{
    private sealed record Finding(string Rule, string Resource);

    [Fact]
    public async Task The_AWS_Solutions_pack_finds_nothing_but_what_the_stack_acknowledges_with_a_reason()
    {
        var findings = await RunAsync(SynthesizedStack.Json.ToJsonString());

        Assert.Contains(findings, f => f.Rule.StartsWith("AwsSolutions-IAM5", StringComparison.Ordinal));
        var unacknowledged = findings.Where(f => !NagAcknowledgements.All.Any(a => a.Covers(f.Rule, f.Resource))).Select(f => $"{f.Rule} on {f.Resource}").ToList();
        Assert.True(unacknowledged.Count == 0, "cdk-nag found:\n" + string.Join("\n", unacknowledged));
        Assert.Empty(NagAcknowledgements.All.Where(a => !findings.Any(f => a.Covers(f.Rule, f.Resource))).Select(a => $"{a.Rule} {a.AppliesTo}"));
    }

    [Fact]
    public async Task The_pack_finds_a_queue_without_dead_letter_queue_or_TLS()
    {
        var findings = await RunAsync("""{"Resources": {"PlainQueue": {"Type": "AWS::SQS::Queue", "Properties": {}}}}""");

        Assert.Contains(new Finding("AwsSolutions-SQS3", "PlainQueue"), findings);
        Assert.Contains(new Finding("AwsSolutions-SQS4", "PlainQueue"), findings);
    }

    private static async Task<IReadOnlyList<Finding>> RunAsync(string template)
    {
        var work = Directory.CreateTempSubdirectory("gymiot-nag-test-");
        try
        {
            var templatePath = Path.Combine(work.FullName, "template.json");
            var findingsPath = Path.Combine(work.FullName, "findings.json");
            await File.WriteAllTextAsync(templatePath, template);
            var start = new ProcessStartInfo("node", [Path.Combine(Repository.Root, "deploy", "nag", "check.js"), templatePath, findingsPath])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                Environment = { ["JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION"] = "1" },
            };
            using var node = Process.Start(start)!;
            var errors = node.StandardError.ReadToEndAsync();
            await node.StandardOutput.ReadToEndAsync();
            await node.WaitForExitAsync();
            Assert.True(node.ExitCode == 0, $"cdk-nag's run failed ({node.ExitCode}): {await errors}");
            return JsonSerializer.Deserialize<List<Finding>>(await File.ReadAllTextAsync(findingsPath), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
