using System.Text.Json.Nodes;

namespace GymIoT.Tests.Infrastructure;

/// <summary>The statement of a queue policy that refuses every request without TLS, as the deploy stack's queues carry it.</summary>
public static class TlsOnlyPolicy
{
    public static void AssertIsOne(JsonNode statement)
    {
        Assert.Equal("Deny", statement["Effect"]!.GetValue<string>());
        Assert.Equal("sqs:*", statement["Action"]!.GetValue<string>());
        Assert.Equal("*", statement["Principal"]!["AWS"]!.GetValue<string>());
        Assert.Equal("false", statement["Condition"]!["Bool"]!["aws:SecureTransport"]!.GetValue<string>());
    }
}
