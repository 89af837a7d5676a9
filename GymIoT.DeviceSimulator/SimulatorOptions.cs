using System.ComponentModel.DataAnnotations;

namespace GymIoT.DeviceSimulator;

/// <summary>The simulated gym and how busy it is (section <c>Simulator</c>).</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>Readings per second sent in steady mode; 0 sends nothing until asked for a burst.</summary>
    [Range(0, 10_000)]
    public double ReadingsPerSecond { get; set; } = 1;

    /// <summary>Share of readings from misreading sensors, spread over every kind of fault.</summary>
    [Range(0, 1)]
    public double FaultRate { get; set; } = 0.05;

    /// <summary>Share of good readings sent in the original sensors' format.</summary>
    [Range(0, 1)]
    public double OriginalFormatRate { get; set; } = 0.05;

    /// <summary>Members of the simulated gym besides the two demo members.</summary>
    [Range(0, 10_000)]
    public int Members { get; set; } = 200;

    /// <summary>Units of each machine type (device ids like <c>cyclette-01</c>).</summary>
    [Range(1, 99)]
    public int UnitsPerMachine { get; set; } = 3;

    /// <summary>At start, send the demo members' past days not sent yet (see <see cref="HistorySeeder"/>).</summary>
    public bool SeedHistory { get; set; }

    public const int MaxHistoryDays = 1000;

    /// <summary>How far back the history goes.</summary>
    [Range(1, MaxHistoryDays)]
    public int HistoryDays { get; set; } = 730;

    /// <summary>Seed of the random choices, so a run can be repeated.</summary>
    public int? RandomSeed { get; set; }
}
