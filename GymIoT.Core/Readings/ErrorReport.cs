namespace GymIoT.Core.Readings;

/// <summary>A reading that failed validation, sent to the <c>Errors</c> queue with the raw values as received.</summary>
public sealed record ErrorReport(
    string DeviceId,
    string Machine,
    string? MemberId,
    string ValueTimeSpent,
    string ValueCaloriesSpent,
    string Reason,
    DateTimeOffset ReceivedAt,
    string SourceMessageId);
