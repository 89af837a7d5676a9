using System.Diagnostics;
using Amazon.SQS.Model;
using GymIoT.Core.Readings;

namespace GymIoT.ErrorNotifier;

/// <summary>An error report taken from <c>Errors</c>. Its SQS message id identifies it across redeliveries.</summary>
public sealed record IncomingReport(string ReportId, ErrorReport Report, Message Message, ActivityContext Trace);
