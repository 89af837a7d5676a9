using System.Text.Json;

namespace GymIoT.Dashboard.Live;

/// <summary>The access policy of a dashboard's live queue: what the deploy stack gives its own queues.</summary>
public static class LiveQueuePolicy
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
