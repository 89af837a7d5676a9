using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Queues;
using GymIoT.Core.Time;

namespace GymIoT.Core.Storage;

/// <summary>Reads a member's day and month aggregates: the member home's history, and the periods the month-end review weighs.</summary>
public sealed class MemberActivityReader(IAmazonDynamoDB dynamoDb)
{
    /// <summary>The member home's history: the last 30 days and the months of this year and last, in two queries.</summary>
    public async Task<MemberHistory> ReadAsync(string memberId, DateOnly today, CancellationToken cancellationToken = default)
    {
        var days = DaysAsync(memberId, today.AddDays(-29), today, cancellationToken);
        var months = MonthsAsync(memberId, new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year, 12, 1), cancellationToken);
        return new MemberHistory(today, await days, await months);
    }

    /// <summary>The days from <paramref name="first"/> to <paramref name="last"/> that have training.</summary>
    public Task<IReadOnlyList<PeriodActivity>> DaysAsync(string memberId, DateOnly first, DateOnly last, CancellationToken cancellationToken = default) =>
        QueryAsync(memberId, GymCalendar.DayKey(first), GymCalendar.DayKey(last), cancellationToken);

    /// <summary>The months from the one of <paramref name="first"/> to the one of <paramref name="last"/> that have training.</summary>
    public Task<IReadOnlyList<PeriodActivity>> MonthsAsync(string memberId, DateOnly first, DateOnly last, CancellationToken cancellationToken = default) =>
        QueryAsync(memberId, GymCalendar.MonthKey(first), GymCalendar.MonthKey(last), cancellationToken);

    private async Task<IReadOnlyList<PeriodActivity>> QueryAsync(string memberId, string from, string to, CancellationToken cancellationToken)
    {
        var names = ProjectedAttributes.Select((name, i) => (Placeholder: $"#a{i}", Name: name)).ToList();
        var items = await dynamoDb.QueryAllAsync(new QueryRequest
        {
            TableName = TableNames.MemberActivity,
            KeyConditionExpression = "#id = :id AND #p BETWEEN :from AND :to",
            ExpressionAttributeNames = new Dictionary<string, string>(names.Select(n => KeyValuePair.Create(n.Placeholder, n.Name)))
            {
                ["#id"] = KeyNames.MemberId,
                ["#p"] = KeyNames.Period,
            },
            ExpressionAttributeValues = new()
            {
                [":id"] = new() { S = memberId },
                [":from"] = new() { S = from },
                [":to"] = new() { S = to },
            },
            ProjectionExpression = "#p, " + string.Join(", ", names.Select(n => n.Placeholder)),
            // Read right after the aggregator says a member changed: the change must be in what is read.
            ConsistentRead = true,
        }, cancellationToken);
        return [.. items.Select(PeriodActivity.FromItem)];
    }

    /// <summary>Everything but the id sets, which can be large and no reader needs.</summary>
    private static IEnumerable<string> ProjectedAttributes =>
        new[] { ActivityAttributes.Kcal, ActivityAttributes.Seconds, ActivityAttributes.Sessions }
            .Concat(QueueNames.Machines.SelectMany(m => new[] { ActivityAttributes.KcalOn(m), ActivityAttributes.SecondsOn(m), ActivityAttributes.SessionsOn(m) }))
            .Concat(Enumerable.Range(0, 24).Select(ActivityAttributes.KcalInHour));
}

/// <summary>What the member home shows, read at one moment.</summary>
public sealed record MemberHistory(DateOnly Today, IReadOnlyList<PeriodActivity> Days, IReadOnlyList<PeriodActivity> Months)
{
    public PeriodActivity Day(DateOnly date) =>
        Days.FirstOrDefault(d => d.Period == GymCalendar.DayKey(date)) ?? PeriodActivity.Empty(GymCalendar.DayKey(date));

    public PeriodActivity Month(int year, int month) =>
        Months.FirstOrDefault(m => m.Period == GymCalendar.MonthKey(new DateOnly(year, month, 1))) ?? PeriodActivity.Empty(GymCalendar.MonthKey(new DateOnly(year, month, 1)));

    public PeriodActivity TodayActivity => Day(Today);

    public PeriodActivity ThisMonth => Month(Today.Year, Today.Month);

    public bool IsEmpty => Days.Count == 0 && Months.Count == 0;
}
