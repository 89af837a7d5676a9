using System.Diagnostics;
using OpenTelemetry;

namespace GymIoT.Core.Messaging;

/// <summary>A message to send, with the trace it belongs to (default: the current activity's) and its baggage (default: the current).</summary>
public sealed record OutgoingMessage(string Body, ActivityContext Trace = default, Baggage Baggage = default);
