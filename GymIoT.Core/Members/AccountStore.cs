using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Storage;

namespace GymIoT.Core.Members;

/// <summary>Passwords, roles and lockout, kept on the member's item in <c>Members</c>. Hashes only: never a password.</summary>
public sealed class AccountStore(IAmazonDynamoDB dynamoDb, MemberStore members)
{
    public const int MaxFailedLogins = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(5);

    /// <summary>Registers a new member with a password; false when the username is taken.</summary>
    public async Task<bool> RegisterAsync(Member member, string passwordHash, CancellationToken cancellationToken = default)
    {
        if (!await members.EnrollAsync(member, cancellationToken))
        {
            return false;
        }
        return await SetPasswordIfMissingAsync(member.MemberId, passwordHash, member.Role, cancellationToken);
    }

    /// <summary>Gives an enrolled member (e.g. one the gym's front desk registered) a password and role, unless it has one.</summary>
    public async Task<bool> SetPasswordIfMissingAsync(string memberId, string passwordHash, MemberRole role, CancellationToken cancellationToken = default)
    {
        try
        {
            await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = TableNames.Members,
                Key = Key(memberId),
                UpdateExpression = "SET PasswordHash = :hash, #role = :role",
                ConditionExpression = "attribute_exists(MemberId) AND attribute_not_exists(PasswordHash)",
                ExpressionAttributeNames = new() { ["#role"] = "Role" },
                ExpressionAttributeValues = new() { [":hash"] = new() { S = passwordHash }, [":role"] = new() { S = role.ToString() } },
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async Task<Credentials?> FindAsync(string memberId, CancellationToken cancellationToken = default)
    {
        var item = (await dynamoDb.GetItemAsync(new GetItemRequest { TableName = TableNames.Members, Key = Key(memberId), ConsistentRead = true }, cancellationToken)).Item;
        if (item is not { Count: > 0 })
        {
            return null;
        }
        return new Credentials(
            memberId,
            item.GetValueOrDefault("PasswordHash")?.S,
            Enum.TryParse<MemberRole>(item.GetValueOrDefault("Role")?.S, out var role) ? role : MemberRole.Member,
            item.TryGetValue("FailedLogins", out var failed) && failed.N is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 0,
            item.TryGetValue("LockedUntil", out var locked) && DateTimeOffset.TryParse(locked.S, CultureInfo.InvariantCulture, DateTimeStyles.None, out var until) ? until : null);
    }

    /// <summary>Counts a failed login; the fifth in a row locks the account for <see cref="Lockout"/>.</summary>
    public async Task RecordFailedLoginAsync(string memberId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var response = await dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = TableNames.Members,
            Key = Key(memberId),
            UpdateExpression = "ADD FailedLogins :one",
            ConditionExpression = "attribute_exists(MemberId)",
            ExpressionAttributeValues = new() { [":one"] = new() { N = "1" } },
            ReturnValues = ReturnValue.UPDATED_NEW,
        }, cancellationToken);
        if (int.Parse(response.Attributes["FailedLogins"].N, CultureInfo.InvariantCulture) >= MaxFailedLogins)
        {
            await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = TableNames.Members,
                Key = Key(memberId),
                UpdateExpression = "SET LockedUntil = :until, FailedLogins = :zero",
                ExpressionAttributeValues = new() { [":until"] = new() { S = (now + Lockout).ToString("O") }, [":zero"] = new() { N = "0" } },
            }, cancellationToken);
        }
    }

    public Task RecordSuccessfulLoginAsync(string memberId, CancellationToken cancellationToken = default) =>
        dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = TableNames.Members,
            Key = Key(memberId),
            UpdateExpression = "SET FailedLogins = :zero REMOVE LockedUntil",
            ExpressionAttributeValues = new() { [":zero"] = new() { N = "0" } },
        }, cancellationToken);

    private static Dictionary<string, AttributeValue> Key(string memberId) => new() { [KeyNames.MemberId] = new() { S = memberId } };
}
