using GymIoT.Core.Calories;

namespace GymIoT.Core.Members;

/// <summary>The demo people of a Development run: the original project's two members, with history, and one staff account.</summary>
public static class DemoMembers
{
    public static IReadOnlyList<Member> Members { get; } =
    [
        new("xzan8189", "Alex", "Zanetti", Sex.Male, new DateOnly(1998, 4, 12), 78, 180),
        new("dakooo", "Daria", "Costa", Sex.Female, new DateOnly(2000, 9, 3), 61, 167),
    ];

    public static Member Staff { get; } = new("staff", "Gym", "Staff", Sex.Female, new DateOnly(1985, 1, 1), 65, 170, MemberRole.Staff);
}
