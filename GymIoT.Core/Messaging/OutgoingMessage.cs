using System.Diagnostics;

namespace GymIoT.Core.Messaging;

/// <summary>A message to send, with the trace it belongs to (default: the current activity's).</summary>
public sealed record OutgoingMessage(string Body, ActivityContext Trace = default);
