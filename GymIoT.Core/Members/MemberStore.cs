using System.Collections.Concurrent;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Calories;
using GymIoT.Core.Storage;

namespace GymIoT.Core.Members;

/// <summary>
/// The <c>Members</c> table: enrolment, profiles, and a fast "is this a member" check for every reading. A member whose
/// account is being deleted (<see cref="MemberAttributes.ErasingSince"/>) is no member for anyone.
/// </summary>
public sealed class MemberStore(IAmazonDynamoDB dynamoDb, TimeProvider? timeProvider = null, MemberStoreOptions? options = null)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _known = new();
    private readonly TimeProvider _clock = timeProvider ?? TimeProvider.System;
    private readonly TimeSpan _rememberFor = (options ?? new MemberStoreOptions()).RememberFor;

    /// <summary>Registers a member unless one with that id exists; returns false when it did.</summary>
    public async Task<bool> EnrollAsync(Member member, CancellationToken cancellationToken = default)
    {
        var enrolled = await dynamoDb.PutIfAbsentAsync(TableNames.Members, ToItem(member), KeyNames.MemberId, cancellationToken);
        _known[member.MemberId] = _clock.GetUtcNow();
        return enrolled;
    }

    /// <summary>
    /// True when the member is registered. A yes is remembered for <see cref="MemberStoreOptions.RememberFor"/> (one read a
    /// member that long, not one a reading), so a member whose account is deleted is refused from then on at the latest;
    /// a no is asked again.
    /// </summary>
    public async Task<bool> ExistsAsync(string memberId, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        if (_known.TryGetValue(memberId, out var seen) && now - seen < _rememberFor)
        {
            return true;
        }
        var found = await FindAsync(memberId, cancellationToken) is not null;
        if (found)
        {
            _known[memberId] = now;
        }
        else
        {
            _known.TryRemove(memberId, out _);
        }
        return found;
    }

    /// <summary>Whether a <c>Members</c> item belongs to an account being deleted: read as no member at all.</summary>
    public static bool IsErasing(Dictionary<string, AttributeValue> item) => item.ContainsKey(MemberAttributes.ErasingSince);

    /// <summary>Changes what a member may change about themself: body measures, birth date and daily workout goal.</summary>
    public async Task UpdateProfileAsync(string memberId, double weightKg, double heightCm, DateOnly birthDate, double dailyGoalKcal, CancellationToken cancellationToken = default) =>
        await dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = TableNames.Members,
            Key = Key(memberId),
            UpdateExpression = $"SET {MemberAttributes.WeightKg} = :w, {MemberAttributes.HeightCm} = :h, {MemberAttributes.BirthDate} = :b, {MemberAttributes.DailyGoalKcal} = :g",
            ConditionExpression = $"attribute_exists({KeyNames.MemberId})",
            ExpressionAttributeValues = new()
            {
                [":w"] = new() { N = weightKg.ToString(CultureInfo.InvariantCulture) },
                [":h"] = new() { N = heightCm.ToString(CultureInfo.InvariantCulture) },
                [":b"] = new() { S = StoredDate.Of(birthDate) },
                [":g"] = new() { N = dailyGoalKcal.ToString(CultureInfo.InvariantCulture) },
            },
        }, cancellationToken);

    /// <summary>The last day of a demo member's history sent so far, if any.</summary>
    public async Task<DateOnly?> HistorySentThroughAsync(string memberId, CancellationToken cancellationToken = default)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = TableNames.Members,
            Key = Key(memberId),
            ProjectionExpression = MemberAttributes.HistorySentThrough,
        }, cancellationToken);
        return StoredDate.TryParse(response.Item?.GetValueOrDefault(MemberAttributes.HistorySentThrough)?.S, out var day)
            ? day
            : null;
    }

    public async Task SetHistorySentThroughAsync(string memberId, DateOnly day, CancellationToken cancellationToken = default) =>
        await dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = TableNames.Members,
            Key = Key(memberId),
            UpdateExpression = $"SET {MemberAttributes.HistorySentThrough} = :d",
            ConditionExpression = $"attribute_exists({KeyNames.MemberId})",
            ExpressionAttributeValues = new() { [":d"] = new() { S = StoredDate.Of(day) } },
        }, cancellationToken);

    /// <summary>The member's email settings, as last written.</summary>
    public async Task<MemberEmail> EmailAsync(string memberId, CancellationToken cancellationToken = default)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = TableNames.Members,
            Key = Key(memberId),
            ProjectionExpression = string.Join(", ", MemberAttributes.Email, MemberAttributes.EmailConfirmed, MemberAttributes.AlertEmails, MemberAttributes.EmailLinkSentAt),
            ConsistentRead = true,
        }, cancellationToken);
        var item = response.Item ?? [];
        return new MemberEmail(
            item.GetValueOrDefault(MemberAttributes.Email)?.S,
            item.GetValueOrDefault(MemberAttributes.EmailConfirmed)?.BOOL == true,
            item.GetValueOrDefault(MemberAttributes.AlertEmails)?.BOOL == true,
            DateTimeOffset.TryParse(item.GetValueOrDefault(MemberAttributes.EmailLinkSentAt)?.S, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent) ? sent : null);
    }

    /// <summary>
    /// Sets a new, unconfirmed address for which a confirmation link is about to be sent, unless one was sent less than
    /// <see cref="EmailAddressRules.LinkInterval"/> before <paramref name="now"/>: false then, and nothing changes.
    /// </summary>
    public Task<bool> RequestEmailAsync(string memberId, string address, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        UpdateIfAsync(memberId,
            $"SET {MemberAttributes.Email} = :a, {MemberAttributes.EmailConfirmed} = :no, {MemberAttributes.EmailLinkSentAt} = :now",
            $"attribute_exists({KeyNames.MemberId}) AND (attribute_not_exists({MemberAttributes.EmailLinkSentAt}) OR {MemberAttributes.EmailLinkSentAt} <= :cutoff)",
            new()
            {
                [":a"] = new() { S = address },
                [":no"] = new() { BOOL = false },
                [":now"] = new() { S = StoredTime.Of(now) },
                [":cutoff"] = new() { S = StoredTime.Of(now - EmailAddressRules.LinkInterval) },
            }, cancellationToken);

    /// <summary>Confirms <paramref name="address"/> if it is still the member's address; false when it is not.</summary>
    public Task<bool> ConfirmEmailAsync(string memberId, string address, CancellationToken cancellationToken = default) =>
        UpdateIfAsync(memberId, $"SET {MemberAttributes.EmailConfirmed} = :yes", $"{MemberAttributes.Email} = :a",
            new() { [":yes"] = new() { BOOL = true }, [":a"] = new() { S = address } }, cancellationToken);

    /// <summary>Switches alert emails on or off; false when the member has no address.</summary>
    public Task<bool> SetAlertEmailsAsync(string memberId, bool on, CancellationToken cancellationToken = default) =>
        UpdateIfAsync(memberId, $"SET {MemberAttributes.AlertEmails} = :on", $"attribute_exists({MemberAttributes.Email})",
            new() { [":on"] = new() { BOOL = on } }, cancellationToken);

    /// <summary>Forgets the member's address; the time of the last link stays, so removing and adding again waits like any new link.</summary>
    public Task<bool> RemoveEmailAsync(string memberId, CancellationToken cancellationToken = default) =>
        UpdateIfAsync(memberId, $"REMOVE {MemberAttributes.Email}, {MemberAttributes.EmailConfirmed}, {MemberAttributes.AlertEmails}",
            $"attribute_exists({KeyNames.MemberId})", null, cancellationToken);

    private Task<bool> UpdateIfAsync(string memberId, string update, string condition, Dictionary<string, AttributeValue>? values, CancellationToken cancellationToken) =>
        dynamoDb.UpdateIfAsync(new UpdateItemRequest
        {
            TableName = TableNames.Members,
            Key = Key(memberId),
            UpdateExpression = update,
            ConditionExpression = condition,
            ExpressionAttributeValues = values,
        }, cancellationToken);

    private static Dictionary<string, AttributeValue> Key(string memberId) => new() { [KeyNames.MemberId] = new() { S = memberId } };

    public async Task<Member?> FindAsync(string memberId, CancellationToken cancellationToken = default)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = TableNames.Members,
            Key = Key(memberId),
        }, cancellationToken);
        return response.Item is { Count: > 0 } item && !IsErasing(item) ? FromItem(item) : null;
    }

    /// <summary>Every member who trains (staff left out), profile only: for the month-end review.</summary>
    public async Task<IReadOnlyList<Member>> TrainingMembersAsync(CancellationToken cancellationToken = default)
    {
        string[] profile = [KeyNames.MemberId, MemberAttributes.Name, MemberAttributes.Surname, MemberAttributes.Sex, MemberAttributes.BirthDate,
            MemberAttributes.WeightKg, MemberAttributes.HeightCm, MemberAttributes.Role, MemberAttributes.DailyGoalKcal, MemberAttributes.ErasingSince];
        var items = await dynamoDb.ScanAllAsync(new ScanRequest
        {
            TableName = TableNames.Members,
            ProjectionExpression = string.Join(", ", profile.Select((_, i) => $"#p{i}")),
            ExpressionAttributeNames = profile.Select((name, i) => (name, i)).ToDictionary(p => $"#p{p.i}", p => p.name),
        }, cancellationToken);
        return [.. items.Where(item => !IsErasing(item)).Select(FromItem).Where(m => m.Role == MemberRole.Member)];
    }

    private static Dictionary<string, AttributeValue> ToItem(Member member) => new()
    {
        [KeyNames.MemberId] = new() { S = member.MemberId },
        [MemberAttributes.Name] = new() { S = member.Name },
        [MemberAttributes.Surname] = new() { S = member.Surname },
        [MemberAttributes.Sex] = new() { S = member.Sex.ToString() },
        [MemberAttributes.BirthDate] = new() { S = StoredDate.Of(member.BirthDate) },
        [MemberAttributes.WeightKg] = new() { N = member.WeightKg.ToString(CultureInfo.InvariantCulture) },
        [MemberAttributes.HeightCm] = new() { N = member.HeightCm.ToString(CultureInfo.InvariantCulture) },
        [MemberAttributes.Role] = new() { S = member.Role.ToString() },
        [MemberAttributes.DailyGoalKcal] = new() { N = member.DailyGoalKcal.ToString(CultureInfo.InvariantCulture) },
    };

    private static Member FromItem(Dictionary<string, AttributeValue> item) => new(
        item[KeyNames.MemberId].S,
        item.GetValueOrDefault(MemberAttributes.Name)?.S ?? "",
        item.GetValueOrDefault(MemberAttributes.Surname)?.S ?? "",
        Enum.TryParse<Sex>(item.GetValueOrDefault(MemberAttributes.Sex)?.S, out var sex) ? sex : Sex.Female,
        StoredDate.TryParse(item.GetValueOrDefault(MemberAttributes.BirthDate)?.S, out var birth) ? birth : default,
        Number(item, MemberAttributes.WeightKg),
        Number(item, MemberAttributes.HeightCm),
        Enum.TryParse<MemberRole>(item.GetValueOrDefault(MemberAttributes.Role)?.S, out var role) ? role : MemberRole.Member,
        item.ContainsKey(MemberAttributes.DailyGoalKcal) ? Number(item, MemberAttributes.DailyGoalKcal) : CalorieMath.DefaultDailyGoalKcal);

    private static double Number(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is { } n ? double.Parse(n, CultureInfo.InvariantCulture) : 0;
}
