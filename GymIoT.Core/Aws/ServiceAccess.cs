using GymIoT.Core.Queues;
using GymIoT.Core.Storage;

namespace GymIoT.Core.Aws;

/// <summary>The actions a service may take on one queue or table (IAM action names without the <c>sqs:</c>/<c>dynamodb:</c> prefix).</summary>
public sealed record ResourceGrant(string Resource, IReadOnlyList<string> Actions);

/// <summary>
/// What each service may do in AWS: exactly the actions on exactly the queues and tables it uses, and nothing else. The one
/// source for the deploy stack's task roles, for the services' health probes, and for the test that holds every request a
/// running service sends to its grants. <see cref="QueueNames.LivePrefix"/><c>*</c> stands for every dashboard's live queue.
/// </summary>
public sealed record ServiceAccess(string Service, string Resource, IReadOnlyList<ResourceGrant> Queues, IReadOnlyList<ResourceGrant> Tables)
{
    public static string LiveQueues => QueueNames.LivePrefix + "*";

    private static readonly string[] Consume = ["GetQueueUrl", "ReceiveMessage", "DeleteMessage", "ChangeMessageVisibility"];
    private static readonly string[] Send = ["GetQueueUrl", "SendMessage"];
    private static readonly string[] Depth = ["GetQueueUrl", "GetQueueAttributes"];

    /// <summary>Every queue and dead-letter queue, for the services that report queue depths (staff pages, the depth gauge).</summary>
    private static IEnumerable<ResourceGrant> Depths(params string[] besides) =>
        QueueNames.WithDeadLetters.Where(q => !besides.Contains(q)).Select(q => Grant(q, Depth));

    private static ResourceGrant Grant(string resource, params string[] actions) => new(resource, actions);

    public static ServiceAccess Aggregator { get; } = new("GymIoT.Aggregator", "aggregator",
        [
            .. QueueNames.Machines.Select(q => Grant(q, [.. Consume, "GetQueueAttributes"])),
            Grant(QueueNames.Errors, [.. Send, "GetQueueAttributes"]),
            Grant(QueueNames.Coaching, [.. Send, "GetQueueAttributes"]),
            .. Depths([.. QueueNames.Machines, QueueNames.Errors, QueueNames.Coaching]),
            Grant(LiveQueues, "SendMessage"),
        ],
        [
            Grant(TableNames.MemberActivity, "DescribeTable", "GetItem", "UpdateItem"),
            Grant(TableNames.DeviceActivity, "GetItem", "UpdateItem"),
            Grant(TableNames.Members, "GetItem"),
            Grant(TableNames.LiveListeners, "Scan"),
        ]);

    public static ServiceAccess ErrorNotifier { get; } = new("GymIoT.ErrorNotifier", "error-notifier",
        [Grant(QueueNames.Errors, Consume)],
        [
            Grant(TableNames.NotificationDeliveries, "DescribeTable", "BatchGetItem", "PutItem"),
            Grant(TableNames.DeviceActivity, "GetItem", "UpdateItem"),
        ]);

    public static ServiceAccess Coach { get; } = new("GymIoT.Coach", "coach",
        [Grant(QueueNames.Coaching, Consume), Grant(LiveQueues, "SendMessage")],
        [
            Grant(TableNames.Alerts, "DescribeTable", "PutItem", "BatchGetItem", "UpdateItem"),
            Grant(TableNames.CoachSessions, "UpdateItem"),
            Grant(TableNames.Members, "GetItem", "Scan"),
            Grant(TableNames.MemberActivity, "Query", "GetItem"),
            Grant(TableNames.TrainingCards, "GetItem", "PutItem", "Scan"),
            Grant(TableNames.CardAssignments, "PutItem", "Query"),
            Grant(TableNames.CardOffers, "GetItem", "PutItem"),
            Grant(TableNames.MonthReviews, "GetItem", "PutItem"),
            Grant(TableNames.LiveListeners, "Scan"),
        ]);

    /// <summary>Besides its pages' reads and writes: what a member's export reads and their account's deletion deletes.</summary>
    public static ServiceAccess Dashboard { get; } = new("GymIoT.Dashboard", "dashboard",
        [.. Depths(), Grant(LiveQueues, "CreateQueue", "GetQueueAttributes", "SetQueueAttributes", "ReceiveMessage", "DeleteMessage", "DeleteQueue")],
        [
            Grant(TableNames.Members, "DescribeTable", "GetItem", "BatchGetItem", "PutItem", "UpdateItem", "DeleteItem", "Scan"),
            Grant(TableNames.MemberActivity, "GetItem", "Query", "BatchWriteItem"),
            Grant(TableNames.DeviceActivity, "Query"),
            Grant(TableNames.DataProtectionKeys, "PutItem", "Scan", "DeleteItem"),
            Grant(TableNames.TrainingCards, "GetItem", "PutItem", "Scan"),
            Grant(TableNames.CardAssignments, "PutItem", "Query", "BatchWriteItem"),
            Grant(TableNames.CardOffers, "GetItem", "PutItem", "UpdateItem", "Query", "BatchWriteItem"),
            Grant(TableNames.CoachSessions, "GetItem", "Query", "BatchWriteItem"),
            Grant(TableNames.Alerts, "Query", "BatchWriteItem"),
            Grant(TableNames.MonthReviews, "GetItem", "Query", "BatchWriteItem"),
            Grant(TableNames.LiveListeners, "PutItem", "DeleteItem", "Scan"),
            Grant(TableNames.Throttles, "GetItem", "UpdateItem"),
            Grant(TableNames.AccountSessions, "PutItem", "DeleteItem", "Query", "BatchGetItem", "BatchWriteItem"),
            Grant(TableNames.MemberErasures, "PutItem", "Scan", "DeleteItem"),
        ]);

    /// <summary>The simulated gym belongs to the demo composition only; the deploy stack has no simulator.</summary>
    public static ServiceAccess DeviceSimulator { get; } = new("GymIoT.DeviceSimulator", "device-simulator",
        [.. QueueNames.Machines.Select(q => Grant(q, Send))],
        [
            Grant(TableNames.Members, "DescribeTable", "GetItem", "PutItem", "UpdateItem", "Scan"),
            Grant(TableNames.TrainingCards, "GetItem", "PutItem", "Scan"),
            Grant(TableNames.CardAssignments, "PutItem", "Query"),
        ]);

    public static IReadOnlyList<ServiceAccess> All { get; } = [Aggregator, ErrorNotifier, Coach, Dashboard, DeviceSimulator];

    public static ServiceAccess Of(string service) =>
        All.SingleOrDefault(a => a.Service == service || a.Resource == service)
        ?? throw new ArgumentException($"No AWS access is declared for the service {service}.", nameof(service));

    /// <summary>The queue and table the health checks call: the service's first of each, which its role lets it describe.</summary>
    public string ProbeQueue => Queues[0].Resource;

    public string ProbeTable => Tables[0].Resource;

    /// <summary>The IAM action an SDK operation needs: a batch needs the action of one message.</summary>
    public static string IamActionOf(string operation) => operation switch
    {
        "SendMessageBatch" => "SendMessage",
        "DeleteMessageBatch" => "DeleteMessage",
        "ChangeMessageVisibilityBatch" => "ChangeMessageVisibility",
        _ => operation,
    };

    /// <summary>Whether the service may send SQS's <paramref name="operation"/> to <paramref name="queue"/>.</summary>
    public bool AllowsSqs(string operation, string queue) => Allows(Queues, operation, queue);

    /// <summary>Whether the service may send DynamoDB's <paramref name="operation"/> about <paramref name="tables"/> (joined by commas for a batch).</summary>
    public bool AllowsDynamoDb(string operation, string tables) => Allows(Tables, operation, tables);

    private static bool Allows(IReadOnlyList<ResourceGrant> grants, string operation, string resources) =>
        resources.Length > 0 && resources.Split(',').All(r => grants.Any(g => g.Resource == r && g.Actions.Contains(IamActionOf(operation))));
}
