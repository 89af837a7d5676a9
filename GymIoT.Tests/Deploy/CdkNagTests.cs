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

    private const string PlainQueue = """{"Resources": {"PlainQueue": {"Type": "AWS::SQS::Queue", "Properties": {}}}}""";

    /// <summary>The pack run once for both tests, on the stack and on a bare queue: loading the CDK's library takes most of a run.</summary>
    private static readonly Lazy<Task<IReadOnlyList<Finding>[]>> Findings = new(() => RunAsync(SynthesizedStack.Json.ToJsonString(), PlainQueue));

    [Fact]
    public async Task The_AWS_Solutions_pack_finds_nothing_but_what_the_stack_acknowledges_with_a_reason()
    {
        var findings = (await Findings.Value)[0];

        Assert.Contains(findings, f => f.Rule.StartsWith("AwsSolutions-IAM5", StringComparison.Ordinal));
        var unacknowledged = findings.Where(f => !NagAcknowledgements.All.Any(a => a.Covers(f.Rule, f.Resource))).Select(f => $"{f.Rule} on {f.Resource}").ToList();
        Assert.True(unacknowledged.Count == 0, "cdk-nag found:\n" + string.Join("\n", unacknowledged));
        Assert.Empty(NagAcknowledgements.All.Where(a => !findings.Any(f => a.Covers(f.Rule, f.Resource))).Select(a => $"{a.Rule} {a.AppliesTo}"));
    }

    [Fact]
    public async Task The_pack_finds_a_queue_without_dead_letter_queue_or_TLS()
    {
        var findings = (await Findings.Value)[1];

        Assert.Contains(new Finding("AwsSolutions-SQS3", "PlainQueue"), findings);
        Assert.Contains(new Finding("AwsSolutions-SQS4", "PlainQueue"), findings);
    }

    private static async Task<IReadOnlyList<Finding>[]> RunAsync(params string[] templates)
    {
        var work = Directory.CreateTempSubdirectory("gymiot-nag-test-");
        try
        {
            var paths = templates.Select((_, i) => (Template: Path.Combine(work.FullName, $"template-{i}.json"), Findings: Path.Combine(work.FullName, $"findings-{i}.json"))).ToList();
            for (var i = 0; i < templates.Length; i++)
            {
                await File.WriteAllTextAsync(paths[i].Template, templates[i]);
            }
            var start = new ProcessStartInfo("node", [Path.Combine(Repository.Root, "deploy", "nag", "check.js"), .. paths.SelectMany(p => new[] { p.Template, p.Findings })])
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
            var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
            var findings = new IReadOnlyList<Finding>[templates.Length];
            for (var i = 0; i < templates.Length; i++)
            {
                findings[i] = JsonSerializer.Deserialize<List<Finding>>(await File.ReadAllTextAsync(paths[i].Findings), options)!;
            }
            return findings;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
