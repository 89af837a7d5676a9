using System.Diagnostics;
using Amazon.SQS.Model;
using OpenTelemetry;

namespace GymIoT.Core.Messaging;

/// <summary>A message taken from a queue, with the trace and baggage it was sent with and when SQS took it in.</summary>
public sealed record ReceivedMessage(string Queue, string QueueUrl, Message Message, ActivityContext Trace, DateTimeOffset SentAt, Baggage Baggage = default);
