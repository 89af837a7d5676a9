namespace GymIoT.Core.Coaching;

/// <summary>Training zones from a member's age: maximum = 208 − 0.7 × age (Tanaka), zones at 50/60/70/80/90 % of it.</summary>
public static class HeartRateZones
{
    private static readonly (string Name, double From, double To)[] Shares =
    [
        ("very light", 0.5, 0.6),
        ("light", 0.6, 0.7),
        ("moderate", 0.7, 0.8),
        ("hard", 0.8, 0.9),
        ("maximum", 0.9, 1.0),
    ];

    public static double MaximumFor(int age) => 208 - 0.7 * age;

    public static IReadOnlyList<HeartRateZone> For(int age)
    {
        var maximum = MaximumFor(age);
        return [.. Shares.Select((zone, i) => new HeartRateZone(i + 1, zone.Name, Math.Round(zone.From * maximum), Math.Round(zone.To * maximum)))];
    }
}

/// <summary>Zone <paramref name="Number"/> (1–5): from <paramref name="FromBpm"/> up to <paramref name="ToBpm"/>.</summary>
public sealed record HeartRateZone(int Number, string Name, double FromBpm, double ToBpm);
