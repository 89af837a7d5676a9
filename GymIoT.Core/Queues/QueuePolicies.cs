using System.Text.Json;

namespace GymIoT.Core.Queues;

/// <summary>The access policies a queue of GymIoT's own making carries, as the deploy stack gives its queues.</summary>
public static class QueuePolicies
{
    /// <summary>Refuses every request to the queue that does not come over TLS.</summary>
    public static string TlsOnly(string queueArn) => JsonSerializer.Serialize(new
    {
        Version = "2012-10-17",
        Statement = new[]
        {
            new
            {
                Sid = "TlsOnly",
                Effect = "Deny",
                Principal = new { AWS = "*" },
                Action = "sqs:*",
                Resource = queueArn,
                Condition = new { Bool = new Dictionary<string, string> { ["aws:SecureTransport"] = "false" } },
            },
        },
    });
}
