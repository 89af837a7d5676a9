using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Constructs;
using GymIoT.Core.Aws;
using GymIoT.Deploy.Data;
using GymIoT.Deploy.Messaging;

namespace GymIoT.Deploy.Security;

/// <summary>
/// A service's task role: for each queue and table of its <see cref="ServiceAccess"/>, one statement with exactly the
/// actions granted, on exactly that resource (and the indexes of a table it queries). Nothing else.
/// </summary>
public sealed class TaskRole : Construct
{
    public TaskRole(Construct scope, string id, ServiceAccess access, GymIoTQueues queues, GymIoTTables tables) : base(scope, id)
    {
        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com"),
            Description = $"GymIoT {access.Resource}: its queues and tables only.",
        });
        foreach (var grant in access.Queues)
        {
            Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = Sid("Sqs", grant.Resource),
                Actions = [.. grant.Actions.Select(a => "sqs:" + a)],
                Resources = [grant.Resource == ServiceAccess.LiveQueues ? LiveQueuesArn(this) : queues.ByName[grant.Resource].QueueArn],
            }));
        }
        foreach (var grant in access.Tables)
        {
            var table = tables.ByName[grant.Resource];
            var readsIndexes = grant.Actions.Any(a => a is "Query" or "Scan") && tables.IndexesOf[grant.Resource].Count > 0;
            Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = Sid("DynamoDb", grant.Resource),
                Actions = [.. grant.Actions.Select(a => "dynamodb:" + a)],
                Resources = readsIndexes
                    ? [table.TableArn, .. tables.IndexesOf[grant.Resource].Select(index => $"{table.TableArn}/index/{index}")]
                    : [table.TableArn],
            }));
        }
    }

    public Role Role { get; }

    /// <summary>Every dashboard's own live queue, which it makes at its start: a name prefix in this account and region only.</summary>
    public static string LiveQueuesArn(Construct scope) =>
        Stack.Of(scope).FormatArn(new ArnComponents { Service = "sqs", Resource = ServiceAccess.LiveQueues, ArnFormat = ArnFormat.NO_RESOURCE_NAME });

    private static string Sid(string service, string resource) =>
        service + new string([.. resource.Where(char.IsAsciiLetterOrDigit)]) + (resource.EndsWith('*') ? "All" : "");
}
