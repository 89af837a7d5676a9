using System.Diagnostics;
using Amazon.SQS.Model;

namespace GymIoT.Aggregator;

/// <summary>A message taken from a machine queue, with the trace it travelled in.</summary>
public sealed record ReceivedMessage(string Queue, string QueueUrl, Message Message, ActivityContext Trace, DateTimeOffset SentAt);
