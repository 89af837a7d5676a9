using System.Text.RegularExpressions;

namespace GymIoT.Core.Aws;

/// <summary>
/// AWS's naming rules for SQS queues and DynamoDB tables, checked in code because the embedded emulators accept anything.
/// </summary>
public static partial class AwsNameRules
{
    /// <summary>SQS: 1–80 characters, letters, digits, hyphens and underscores; a FIFO queue ends in <c>.fifo</c>.</summary>
    public static bool IsValidQueueName(string name) => QueueName().IsMatch(name);

    /// <summary>DynamoDB: 3–255 characters, letters, digits, underscores, hyphens and dots.</summary>
    public static bool IsValidTableName(string name) => TableName().IsMatch(name);

    public static string EnsureValidQueueName(string name) =>
        IsValidQueueName(name)
            ? name
            : throw new ArgumentException($"'{name}' is not a valid SQS queue name: use 1-80 letters, digits, '-' or '_' (a FIFO queue may end in '.fifo').", nameof(name));

    public static string EnsureValidTableName(string name) =>
        IsValidTableName(name)
            ? name
            : throw new ArgumentException($"'{name}' is not a valid DynamoDB table name: use 3-255 letters, digits, '_', '-' or '.'.", nameof(name));

    [GeneratedRegex(@"^(?=.{1,80}$)[A-Za-z0-9_-]+(\.fifo)?$")]
    private static partial Regex QueueName();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{3,255}$")]
    private static partial Regex TableName();
}
