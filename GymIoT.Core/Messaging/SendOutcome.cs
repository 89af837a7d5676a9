using System.Diagnostics;

namespace GymIoT.Core.Messaging;

/// <summary>What SQS did with one message: its id when taken, the error when refused; and the trace it travels in.</summary>
public sealed record SendOutcome(OutgoingMessage Message, string? MessageId, string? Error, ActivityTraceId TraceId)
{
    public bool Sent => Error is null;
}
