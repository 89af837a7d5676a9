using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using GymIoT.Deploy;

namespace GymIoT.Tests.Deploy;

/// <summary>The deploy stack synthesized once per test run (the CDK's runtime takes seconds to start), as CDK's template and as JSON.</summary>
public static class SynthesizedStack
{
    private static readonly Lazy<(Template Template, JsonObject Json)> Synthesized = new(() =>
    {
        // The CDK's runtime warns on every start that the system's Node 20 is past its end of life; it runs on it.
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        var app = new App(new AppProps { Outdir = Directory.CreateTempSubdirectory("gymiot-cdk-").FullName });
        // As `cdk deploy` synthesizes it: for an account and Region (the load balancer's log delivery depends on the Region).
        var template = Template.FromStack(new GymIoTStack(app, GymIoTStack.DefaultName, new StackProps
        {
            Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "eu-west-1" },
        }));
        return (template, Parse(template));
    });

    public static Template Template => Synthesized.Value.Template;

    public static JsonObject Json => Synthesized.Value.Json;

    public static JsonObject Parse(Template template) =>
        JsonNode.Parse(JsonSerializer.Serialize(template.ToJSON()))!.AsObject();

    /// <summary>A policy field CloudFormation takes as one value or a list (<c>Action</c>, <c>Resource</c>), as a list.</summary>
    public static IEnumerable<JsonNode> OneOrMany(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(n => n!),
        _ => [node],
    };

    /// <summary>Each resource of a type, by its logical id.</summary>
    public static IEnumerable<(string Id, JsonObject Properties)> Resources(JsonObject template, string type) =>
        template["Resources"]!.AsObject()
            .Where(r => r.Value!["Type"]!.GetValue<string>() == type)
            .Select(r => (r.Key, r.Value!["Properties"]?.AsObject() ?? []));
}
