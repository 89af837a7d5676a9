using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Members;
using GymIoT.Core.Storage;

namespace GymIoT.Dashboard.Accounts;

/// <summary>Passwords, roles and the staff's lock, kept on the member's item in <c>Members</c>. Hashes only: never a password.</summary>
public sealed class AccountStore(IAmazonDynamoDB dynamoDb, MemberStore members)
{
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
    public Task<bool> SetPasswordIfMissingAsync(string memberId, string passwordHash, MemberRole role, CancellationToken cancellationToken = default) =>
        dynamoDb.UpdateIfAsync(new UpdateItemRequest
        {
            TableName = TableNames.Members,
            Key = Key(memberId),
            UpdateExpression = $"SET {MemberAttributes.PasswordHash} = :hash, #role = :role",
            ConditionExpression = $"attribute_exists({KeyNames.MemberId}) AND attribute_not_exists({MemberAttributes.PasswordHash})",
            ExpressionAttributeNames = new() { ["#role"] = MemberAttributes.Role },
            ExpressionAttributeValues = new() { [":hash"] = new() { S = passwordHash }, [":role"] = new() { S = role.ToString() } },
        }, cancellationToken);

    public async Task<Credentials?> FindAsync(string memberId, CancellationToken cancellationToken = default)
    {
        var item = await ReadAsync(memberId, cancellationToken);
        return item is { Count: > 0 } && !MemberStore.IsErasing(item) ? CredentialsOf(memberId, item) : null;
    }

    private async Task<Dictionary<string, AttributeValue>?> ReadAsync(string memberId, CancellationToken cancellationToken) =>
        (await dynamoDb.GetItemAsync(new GetItemRequest { TableName = TableNames.Members, Key = Key(memberId), ConsistentRead = true }, cancellationToken)).Item;

    /// <summary>Gives the account another role; false when there is no such account.</summary>
    public Task<bool> SetRoleAsync(string memberId, MemberRole role, CancellationToken cancellationToken = default) =>
        dynamoDb.UpdateIfAsync(new UpdateItemRequest
        {
            TableName = TableNames.Members,
            Key = Key(memberId),
            UpdateExpression = "SET #role = :role",
            ConditionExpression = $"attribute_exists({KeyNames.MemberId})",
            ExpressionAttributeNames = new() { ["#role"] = MemberAttributes.Role },
            ExpressionAttributeValues = new() { [":role"] = new() { S = role.ToString() } },
        }, cancellationToken);

    /// <summary>Locks or unlocks the account; false when there is no such account.</summary>
    public Task<bool> SetLockedAsync(string memberId, bool locked, CancellationToken cancellationToken = default) =>
        dynamoDb.UpdateIfAsync(new UpdateItemRequest
        {
            TableName = TableNames.Members,
            Key = Key(memberId),
            UpdateExpression = $"SET {MemberAttributes.AccountLocked} = :locked",
            ConditionExpression = $"attribute_exists({KeyNames.MemberId})",
            ExpressionAttributeValues = new() { [":locked"] = new() { BOOL = locked } },
        }, cancellationToken);

    public static Credentials CredentialsOf(string memberId, Dictionary<string, AttributeValue> item) => new(
        memberId,
        item.GetValueOrDefault(MemberAttributes.PasswordHash)?.S,
        Enum.TryParse<MemberRole>(item.GetValueOrDefault(MemberAttributes.Role)?.S, out var role) ? role : MemberRole.Member,
        item.GetValueOrDefault(MemberAttributes.AccountLocked)?.BOOL == true);

    private static Dictionary<string, AttributeValue> Key(string memberId) => new() { [KeyNames.MemberId] = new() { S = memberId } };
}
