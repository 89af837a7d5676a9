using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Members;
using GymIoT.Core.Storage;
using GymIoT.Core.Time;
using GymIoT.DeviceSimulator.Faults;
using GymIoT.DeviceSimulator.Gym;

namespace GymIoT.DeviceSimulator;

/// <summary>
/// Back-fills the demo members' past sessions through the real queues, so the demo history is itself proof of the pipeline:
/// three to five workouts a week, one or two machines each, between 7:00 and 21:00 gym time.
/// </summary>
public sealed partial class HistorySeeder(
    SensorTraffic traffic,
    SimulatedGym gym,
    IAmazonDynamoDB dynamoDb,
    GymCalendar calendar,
    ILogger<HistorySeeder> logger)
{
    /// <summary>True when a demo member already has aggregates from before this month.</summary>
    public async Task<bool> HasHistoryAsync(CancellationToken cancellationToken)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = TableNames.MemberActivity,
            KeyConditionExpression = "#id = :id AND #p BETWEEN :from AND :to",
            ExpressionAttributeNames = new() { ["#id"] = KeyNames.MemberId, ["#p"] = KeyNames.Period },
            ExpressionAttributeValues = new()
            {
                [":id"] = new() { S = SimulatedGym.DemoMembers[0].MemberId },
                [":from"] = new() { S = GymCalendar.MonthPrefix },
                [":to"] = new() { S = calendar.MonthKey(traffic.Now.AddMonths(-1)) },
            },
            Limit = 1,
        }, cancellationToken);
        return response.Count > 0;
    }

    public async Task<int> SeedAsync(int days, CancellationToken cancellationToken)
    {
        var random = new Random(20);
        var today = calendar.LocalDate(traffic.Now);
        var messages = new List<SimulatedMessage>();
        foreach (var member in SimulatedGym.DemoMembers)
        {
            for (var day = today.AddDays(-days); day < today; day = day.AddDays(1))
            {
                if (random.NextDouble() > 4.0 / 7)
                {
                    continue;
                }
                var start = new DateTime(day, new TimeOnly(7 + random.Next(13), random.Next(60)), DateTimeKind.Unspecified);
                var end = new DateTimeOffset(start, calendar.TimeZone.GetUtcOffset(start));
                for (var session = 0; session < 1 + random.Next(2); session++)
                {
                    var device = gym.Devices[random.Next(gym.Devices.Count)];
                    var reading = SessionFactory.Session(member, device, end.AddMinutes(70), random);
                    messages.Add(new SimulatedMessage(reading.Machine, Misreadings.GoodBody(reading), reading, null, OriginalFormat: false));
                    end = reading.EndedAt.AddMinutes(70);
                }
            }
        }
        var outcomes = await traffic.SendAsync(messages, cancellationToken);
        var sent = outcomes.Count(o => o.Sent);
        LogSeeded(sent, SimulatedGym.DemoMembers.Count, days);
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Readings} past sessions of {Members} demo members over {Days} days")]
    private partial void LogSeeded(int readings, int members, int days);
}
