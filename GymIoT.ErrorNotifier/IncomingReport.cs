using System.Diagnostics;
using GymIoT.Core.Messaging;
using GymIoT.Core.Readings;

namespace GymIoT.ErrorNotifier;

/// <summary>
/// An error report taken from <c>Errors</c>. It is identified by the message it reports (<c>sourceMessageId</c>, the
/// reading's SQS message id; for a report without one, its own message id in <c>Errors</c>): the same bad reading reported
/// twice, as happens when the aggregator dies after sending a report and before deleting the reading, is one report, and
/// the gym hears of it once. A <c>sourceMessageId</c> that is not a usable id (anyone can write to <c>Errors</c>) is ignored.
/// <see cref="Trace"/> is the report's own span once its handling has begun.
/// </summary>
public sealed record IncomingReport(string ReportId, ErrorReport Report, ReceivedMessage Received, ActivityContext Trace)
{
    public string MessageId => Received.MessageId;

    public static IncomingReport Of(ReceivedMessage received, ErrorReport report) =>
        new(Identifiers.IsValid(report.SourceMessageId) ? report.SourceMessageId : received.MessageId, report, received, received.Trace);
}
