using System.Globalization;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Queues;

namespace GymIoT.Core.Storage;

/// <summary>A member's training in one day or month, as the aggregate item holds it.</summary>
public sealed record PeriodActivity(
    string Period,
    decimal Kcal,
    decimal Seconds,
    int Sessions,
    IReadOnlyDictionary<string, MachineActivity> Machines,
    IReadOnlyList<decimal> KcalByHour)
{
    public static PeriodActivity Empty(string period) =>
        new(period, 0, 0, 0, QueueNames.Machines.ToDictionary(m => m, _ => new MachineActivity(0, 0, 0)), new decimal[24]);

    public static PeriodActivity FromItem(Dictionary<string, AttributeValue> item)
    {
        decimal Number(string name) => item.TryGetValue(name, out var value) && value.N is { } n ? decimal.Parse(n, CultureInfo.InvariantCulture) : 0;
        return new PeriodActivity(
            item[KeyNames.Period].S,
            Number(ActivityAttributes.Kcal),
            Number(ActivityAttributes.Seconds),
            (int)Number(ActivityAttributes.Sessions),
            QueueNames.Machines.ToDictionary(
                m => m,
                m => new MachineActivity(Number(ActivityAttributes.KcalOn(m)), Number(ActivityAttributes.SecondsOn(m)), (int)Number(ActivityAttributes.SessionsOn(m)))),
            [.. Enumerable.Range(0, 24).Select(h => Number(ActivityAttributes.KcalInHour(h)))]);
    }
}

public sealed record MachineActivity(decimal Kcal, decimal Seconds, int Sessions);
