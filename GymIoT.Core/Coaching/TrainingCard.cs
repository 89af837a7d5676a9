using GymIoT.Core.Calories;
using GymIoT.Core.Machines;

namespace GymIoT.Core.Coaching;

/// <summary>One step of a card: so many minutes on one machine.</summary>
public sealed record CardStep(string Machine, int Minutes);

/// <summary>
/// A training card: a level 1–5, workouts a week, a daily cap on minutes, and ordered steps, each
/// machine at most once.
/// </summary>
public sealed record TrainingCard(string CardId, string Name, int Level, int WorkoutsPerWeek, int DailyCapMinutes, IReadOnlyList<CardStep> Steps)
{
    public const int LowestLevel = 1;
    public const int HighestLevel = 5;
    public const int MaxNameLength = 40;
    public const int MaxStepMinutes = 240;
    public const int MaxDailyCapMinutes = 600;

    /// <summary>Minutes of one workout done as the card says.</summary>
    public int WorkoutMinutes => Steps.Sum(s => s.Minutes);

    /// <summary>What makes the card unusable, or nothing.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > MaxNameLength || Name.Any(char.IsControl))
        {
            yield return $"the name must be 1–{MaxNameLength} characters without control characters";
        }
        if (Level is < LowestLevel or > HighestLevel)
        {
            yield return $"level {Level} is not {LowestLevel}–{HighestLevel}";
        }
        if (WorkoutsPerWeek is < 1 or > 7)
        {
            yield return $"{WorkoutsPerWeek} workouts a week is not 1–7";
        }
        if (Steps.Count == 0)
        {
            yield return "it has no step";
        }
        foreach (var step in Steps)
        {
            if (MachineCatalogue.Find(step.Machine) is null)
            {
                yield return $"'{step.Machine}' is not a machine of the gym";
            }
            if (step.Minutes is < 1 or > MaxStepMinutes)
            {
                yield return $"the {step.Machine} step has {step.Minutes} minutes, not 1–{MaxStepMinutes}";
            }
        }
        foreach (var twice in Steps.GroupBy(s => s.Machine).Where(g => g.Count() > 1))
        {
            yield return $"{twice.Key} comes {twice.Count()} times";
        }
        if (DailyCapMinutes < WorkoutMinutes)
        {
            yield return $"the daily cap of {DailyCapMinutes} minutes is below the workout's {WorkoutMinutes}";
        }
        if (DailyCapMinutes > MaxDailyCapMinutes)
        {
            yield return $"the daily cap of {DailyCapMinutes} minutes is more than {MaxDailyCapMinutes}";
        }
    }
}
