using Amazon.Runtime;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace GymIoT.Dashboard.Security;

/// <summary>
/// Gives the shared key ring its first key before Data Protection reads it. Dashboards that start together on an empty
/// ring would each make a key of their own and keep to it for a day (Data Protection re-reads the ring once a day, and
/// looks for an unknown key only in its first two minutes), so a session cookie written by one would not open on another.
/// One replica claims the ring and makes the key; the others wait until they see it. First, any master key a ring holds
/// in clear (written before the ring was encrypted) is deleted: whoever read the table had it, so what it signed (session
/// cookies, confirmation links) stops working, and members sign in once more.
/// </summary>
public sealed partial class KeyRingSeed(
    IKeyManager keys,
    DynamoDbXmlRepository ring,
    IOptions<KeyManagementOptions> options,
    TimeProvider time,
    ILogger<KeyRingSeed> logger) : IHostedService
{
    /// <summary>How long a claim stands: enough to make one key; a claim its holder left behind lapses after it.</summary>
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan LookAgain = TimeSpan.FromMilliseconds(250);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var holder = Guid.NewGuid().ToString("N");
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Past a lapsed claim and one more: a ring that still cannot be seeded is left to Data Protection, as without a seed.
        giveUp.CancelAfter(3 * ClaimLifetime);
        try
        {
            RemoveKeysInClear();
            while (!HasUsableKey(time.GetUtcNow()))
            {
                var now = time.GetUtcNow();
                if (await ring.TryClaimFirstKeyAsync(holder, now, now + ClaimLifetime, giveUp.Token))
                {
                    // Another replica may have made the key between the look and the claim (its claim lapsed meanwhile).
                    if (!HasUsableKey(now))
                    {
                        var key = keys.CreateNewKey(activationDate: now, expirationDate: now + options.Value.NewKeyLifetime);
                        LogSeeded(logger, key.KeyId);
                    }
                    return;
                }
                await Task.Delay(LookAgain, time, giveUp.Token);
            }
        }
        catch (Exception failure) when (failure is AmazonServiceException or AmazonClientException
            || (failure is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogNotSeeded(logger, failure);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void RemoveKeysInClear()
    {
        var removed = new List<string>();
        ring.DeleteElements(entries =>
        {
            foreach (var entry in entries.Where(e => KeyRingEntries.HoldsSecretInClear(e.Element)))
            {
                entry.DeletionOrder = removed.Count;
                removed.Add(entry.Element.Attribute("id")?.Value ?? "?");
            }
        });
        foreach (var keyId in removed)
        {
            LogRemovedKeyInClear(logger, keyId);
        }
    }

    private bool HasUsableKey(DateTimeOffset now) =>
        keys.GetAllKeys().Any(key => !key.IsRevoked && key.ActivationDate <= now && key.ExpirationDate > now);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleted key {KeyId}, which the key ring held in clear: the cookies and links it signed no longer work, and members sign in again")]
    private static partial void LogRemovedKeyInClear(ILogger logger, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Made the shared key ring's first key {KeyId}")]
    private static partial void LogSeeded(ILogger logger, Guid keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give the shared key ring its first key; Data Protection makes one when first needed, and replicas that start together may not share sign-ins for a day")]
    private static partial void LogNotSeeded(ILogger logger, Exception failure);
}
