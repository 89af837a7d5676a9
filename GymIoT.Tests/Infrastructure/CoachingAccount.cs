using Amazon.DynamoDBv2;
using GymIoT.Core.Coaching;
using GymIoT.DeviceSimulator;

namespace GymIoT.Tests.Infrastructure;

/// <summary>
/// The exact account of a burst's coaching: each of today's readings recorded once on its member's day (under its reading
/// id), and each alert the final day calls for raised once, whatever order the sessions came in.
/// </summary>
public static class CoachingAccount
{
    /// <summary>How many sessions the members have on <paramref name="today"/>.</summary>
    public static async Task<int> CoachedAsync(IAmazonDynamoDB dynamoDb, IEnumerable<string> members, DateOnly today)
    {
        var sessions = new CoachSessionStore(dynamoDb);
        return (await Task.WhenAll(members.Select(m => sessions.OnAsync(m, today)))).Sum(day => day.Count);
    }

    /// <summary>Asserts the account for every member of the burst (all on the starter card) and returns the alerts raised.</summary>
    public static async Task<int> AssertEachAlertOnceAsync(IAmazonDynamoDB dynamoDb, BurstReport burst, IEnumerable<string> members, DateOnly today)
    {
        var sessions = new CoachSessionStore(dynamoDb);
        var alertStore = new AlertStore(dynamoDb);
        var raised = 0;
        foreach (var member in members)
        {
            var day = await sessions.OnAsync(member, today);
            Assert.Equal(burst.Readings!.Where(r => r.Reading.MemberId == member).Select(r => r.Reading.ReadingId).Order(), day.Select(s => s.ReadingId).Order());
            var alerts = await alertStore.OnAsync(member, today);
            Assert.Equal(alerts.Count, alerts.Select(a => a.AlertId).Distinct().Count());
            // One alert for each machine over its step and one for the cap, each raised once.
            var card = CardCatalogue.Starter;
            var minutes = day.GroupBy(s => s.Machine).ToDictionary(g => g.Key, g => g.Sum(s => s.Minutes));
            var overTime = card.Steps.Where(step => minutes.GetValueOrDefault(step.Machine) > step.Minutes).Select(step => step.Machine).Order();
            Assert.Equal(overTime, alerts.Where(a => a.Kind == AlertKind.OverTime).Select(a => a.AlertId.Split('#')[2]).Order());
            Assert.Equal(minutes.Values.Sum() > card.DailyCapMinutes ? 1 : 0, alerts.Count(a => a.Kind == AlertKind.OverDailyCap));
            raised += alerts.Count;
        }
        return raised;
    }
}
