namespace GymIoT.ErrorNotifier.Channels;

/// <summary>One way of telling the gym about faulty readings.</summary>
public interface INotificationChannel
{
    /// <summary>The name deliveries are recorded under: <c>email</c>, <c>webhook</c>.</summary>
    string Name { get; }

    bool IsEnabled { get; }

    /// <summary>Delivers the reports; returns the ids of those delivered (all, or some when the channel sends them one by one).</summary>
    Task<IReadOnlyCollection<string>> DeliverAsync(IReadOnlyList<IncomingReport> reports, CancellationToken cancellationToken);
}
