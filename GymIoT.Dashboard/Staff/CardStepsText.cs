using System.Globalization;
using GymIoT.Core.Coaching;
using GymIoT.Core.Queues;
using GymIoT.Core.Machines;

namespace GymIoT.Dashboard.Staff;

/// <summary>A card's steps as staff type them: <c>Cyclette 15, Tapis roulant 20</c> (machine, then minutes; in order).</summary>
public static class CardStepsText
{
    /// <summary>Typing more than this is not a card.</summary>
    public const int MaxLength = 200;

    public static string Format(IEnumerable<CardStep> steps) =>
        string.Join(", ", steps.Select(s => $"{MachineCatalogue.Of(s.Machine).DisplayName} {s.Minutes}"));

    /// <returns>The steps, or null with what is wrong in <paramref name="problem"/>.</returns>
    public static IReadOnlyList<CardStep>? Parse(string? text, out string problem)
    {
        problem = "";
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            problem = $"Steps: write 1–{QueueNames.Machines.Count} steps such as \"Cyclette 15, Tapis roulant 20\", at most {MaxLength} characters.";
            return null;
        }
        var steps = new List<CardStep>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var split = part.LastIndexOf(' ');
            var name = split > 0 ? part[..split].Trim() : "";
            var machine = QueueNames.Machines.FirstOrDefault(m => string.Equals(m, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(MachineCatalogue.Of(m).DisplayName, name, StringComparison.OrdinalIgnoreCase));
            if (machine is null || !int.TryParse(part[(split + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
            {
                problem = $"Steps: \"{part}\" is not a machine ({string.Join(", ", MachineCatalogue.All.Select(m => m.DisplayName))}) followed by minutes.";
                return null;
            }
            steps.Add(new CardStep(machine, minutes));
        }
        return steps;
    }
}
