using System.Diagnostics;
using GymIoT.Aggregator.Readings;
using GymIoT.Core.Messaging;
using GymIoT.Core.Readings;

namespace GymIoT.Aggregator;

/// <summary>
/// One received message while its batch is handled: the span of its handling, what checking it found (null while unchecked,
/// or when checking it failed), and whether it is done with, so that it may leave its queue.
/// </summary>
public sealed class MessageInFlight(ReceivedMessage received, Activity? span)
{
    public ReceivedMessage Received { get; } = received;

    public Activity? Span { get; } = span;

    public ReadingCheck? Check { get; set; }

    public bool Done { get; set; }

    public string MessageId => Received.MessageId;

    public Reading? Accepted => (Check as AcceptedReading)?.Reading;
}
