using System.Collections.Concurrent;
using Amazon.SQS;
using GymIoT.Core.Aws;

namespace GymIoT.Core.Messaging;

/// <summary>Resolves queue names to URLs once. Calls always go through the SDK's endpoint, never to the host in the URL.</summary>
public sealed class QueueDirectory(IAmazonSQS sqs)
{
    private readonly ConcurrentDictionary<string, Task<string>> _urls = new();

    public Task<string> UrlOfAsync(string queueName, CancellationToken cancellationToken = default)
    {
        AwsNameRules.EnsureValidQueueName(queueName);
        var url = _urls.GetOrAdd(queueName, name => ResolveAsync(name, CancellationToken.None));
        if (url.IsFaulted || url.IsCanceled)
        {
            _urls.TryRemove(queueName, out _);
        }
        return url;
    }

    private async Task<string> ResolveAsync(string queueName, CancellationToken cancellationToken) =>
        (await sqs.GetQueueUrlAsync(queueName, cancellationToken)).QueueUrl;
}
