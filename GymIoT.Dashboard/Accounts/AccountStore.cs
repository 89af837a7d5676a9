using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Members;
using GymIoT.Core.Storage;

namespace GymIoT.Dashboard.Accounts;

/// <summary>Passwords, roles and lockout, kept on the member's item in <c>Members</c>. Hashes only: never a password.</summary>
public sealed class AccountStore(IAmazonDynamoDB dynamoDb, MemberStore members)
{
    /// <summary>The account exists and is not locked at <c>:now</c>.</summary>
    private const string NotLocked = $"attribute_exists({KeyNames.MemberId}) AND (attribute_not_exists({MemberAttributes.LockedUntil}) OR {MemberAttributes.LockedUntil} <= :now)";

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
        return item is { Count: > 0 } ? CredentialsOf(memberId, item) : null;
    }

    /// <summary>
    /// Counts a login attempt before its password is checked, atomically: at most <see cref="MaxFailedLogins"/> attempts are
    /// granted per <see cref="Lockout"/> window, however many arrive at once, and none while the account is locked.
    /// </summary>
    public async Task<LoginAttempt> BeginLoginAttemptAsync(string memberId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var values = new Dictionary<string, AttributeValue>
        {
            [":one"] = new() { N = "1" },
            [":max"] = new() { N = MaxFailedLogins.ToString(CultureInfo.InvariantCulture) },
            [":now"] = new() { S = StoredTime.Of(now) },
            [":end"] = new() { S = StoredTime.Of(now + Lockout) },
        };
        for (var round = 0; round < 3; round++)
        {
            try
            {
                // Within the window: one more attempt, while fewer than the maximum were made.
                return Granted(memberId, await UpdateAsync(
                    memberId, $"ADD {MemberAttributes.LoginAttempts} :one",
                    $"{NotLocked} AND {MemberAttributes.LoginWindowEnds} > :now AND {MemberAttributes.LoginAttempts} < :max",
                    values, cancellationToken));
            }
            catch (ConditionalCheckFailedException)
            {
            }
            var item = await ReadAsync(memberId, cancellationToken);
            if (item is not { Count: > 0 })
            {
                return LoginAttempt.UnknownMember;
            }
            if (string.CompareOrdinal(item.GetValueOrDefault(MemberAttributes.LockedUntil)?.S, StoredTime.Of(now)) > 0)
            {
                return LoginAttempt.LockedOut;
            }
            if (string.CompareOrdinal(item.GetValueOrDefault(MemberAttributes.LoginWindowEnds)?.S, StoredTime.Of(now)) > 0)
            {
                if (item.GetValueOrDefault(MemberAttributes.LoginAttempts)?.N is { } made && int.Parse(made, CultureInfo.InvariantCulture) >= MaxFailedLogins)
                {
                    return LoginAttempt.LockedOut;
                }
                continue;
            }
            try
            {
                // No window, or an expired one: this attempt opens a new window.
                return Granted(memberId, await UpdateAsync(
                    memberId, $"SET {MemberAttributes.LoginAttempts} = :one, {MemberAttributes.LoginWindowEnds} = :end",
                    $"{NotLocked} AND (attribute_not_exists({MemberAttributes.LoginWindowEnds}) OR {MemberAttributes.LoginWindowEnds} <= :now)",
                    values, cancellationToken));
            }
            catch (ConditionalCheckFailedException)
            {
                // Another attempt opened the window meanwhile: count this one in it.
            }
        }
        return LoginAttempt.LockedOut;
    }

    /// <summary>A wrong password on the window's last attempt locks the account for <see cref="Lockout"/>.</summary>
    public Task LockAsync(string memberId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = TableNames.Members,
            Key = Key(memberId),
            UpdateExpression = $"SET {MemberAttributes.LockedUntil} = :until REMOVE {MemberAttributes.LoginWindowEnds}, {MemberAttributes.LoginAttempts}",
            ConditionExpression = $"attribute_exists({KeyNames.MemberId})",
            ExpressionAttributeValues = new() { [":until"] = new() { S = StoredTime.Of(now + Lockout) } },
        }, cancellationToken);

    /// <summary>
    /// A right password gives its attempt back, unless the account was locked meanwhile by other attempts: then the login
    /// is refused (false) and the lock stays.
    /// </summary>
    public Task<bool> EndSuccessfulLoginAsync(string memberId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        dynamoDb.UpdateIfAsync(new UpdateItemRequest
        {
            TableName = TableNames.Members,
            Key = Key(memberId),
            UpdateExpression = $"ADD {MemberAttributes.LoginAttempts} :minusOne",
            ConditionExpression = NotLocked,
            ExpressionAttributeValues = new() { [":minusOne"] = new() { N = "-1" }, [":now"] = new() { S = StoredTime.Of(now) } },
        }, cancellationToken);

    private async Task<Dictionary<string, AttributeValue>?> ReadAsync(string memberId, CancellationToken cancellationToken) =>
        (await dynamoDb.GetItemAsync(new GetItemRequest { TableName = TableNames.Members, Key = Key(memberId), ConsistentRead = true }, cancellationToken)).Item;

    private async Task<Dictionary<string, AttributeValue>> UpdateAsync(
        string memberId, string update, string condition, Dictionary<string, AttributeValue> values, CancellationToken cancellationToken)
    {
        var used = values.Where(v => update.Contains(v.Key, StringComparison.Ordinal) || condition.Contains(v.Key, StringComparison.Ordinal)).ToDictionary();
        var response = await dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = TableNames.Members,
            Key = Key(memberId),
            UpdateExpression = update,
            ConditionExpression = condition,
            ExpressionAttributeValues = used,
            ReturnValues = ReturnValue.ALL_NEW,
        }, cancellationToken);
        return response.Attributes;
    }

    private static LoginAttempt Granted(string memberId, Dictionary<string, AttributeValue> item) =>
        new(LoginAttemptKind.Granted, CredentialsOf(memberId, item), int.Parse(item[MemberAttributes.LoginAttempts].N, CultureInfo.InvariantCulture));

    private static Credentials CredentialsOf(string memberId, Dictionary<string, AttributeValue> item) => new(
        memberId,
        item.GetValueOrDefault(MemberAttributes.PasswordHash)?.S,
        Enum.TryParse<MemberRole>(item.GetValueOrDefault(MemberAttributes.Role)?.S, out var role) ? role : MemberRole.Member);

    private static Dictionary<string, AttributeValue> Key(string memberId) => new() { [KeyNames.MemberId] = new() { S = memberId } };
}
