using GymIoT.Core.Calories;
using GymIoT.Core.Members;
using GymIoT.Core.Machines;

namespace GymIoT.DeviceSimulator.Gym;

/// <summary>The members and machines of the simulated gym.</summary>
public sealed class SimulatedGym
{
    /// <summary>The original project's demo users, with history in Development.</summary>
    public static IReadOnlyList<Member> DemoMembers => Core.Members.DemoMembers.Members;

    private static readonly string[] WomensNames = ["Giulia", "Sara", "Elena", "Chiara", "Anna"];
    private static readonly string[] MensNames = ["Marco", "Luca", "Paolo", "Davide", "Matteo"];
    private static readonly string[] Surnames = ["Rossi", "Bianchi", "Russo", "Ferrari", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco"];

    public SimulatedGym(SimulatorOptions options)
    {
        var random = new Random(options.RandomSeed ?? 7);
        Members = [.. DemoMembers, .. Enumerable.Range(1, options.Members).Select(i => Generated(i, random))];
        Devices = [.. MachineCatalogue.All.SelectMany(machine => Enumerable.Range(1, options.UnitsPerMachine).Select(unit => new Device(Device.IdFor(machine, unit), machine)))];
    }

    public IReadOnlyList<Member> Members { get; }

    public IReadOnlyList<Device> Devices { get; }

    private static Member Generated(int number, Random random)
    {
        var sex = random.Next(2) == 0 ? Sex.Female : Sex.Male;
        var firstNames = sex == Sex.Female ? WomensNames : MensNames;
        return new Member(
            $"sim:member-{number:000}", // ":" keeps simulated members out of the names a person can sign up with
            firstNames[random.Next(firstNames.Length)],
            Surnames[random.Next(Surnames.Length)],
            sex,
            new DateOnly(1960 + random.Next(45), 1 + random.Next(12), 1 + random.Next(28)),
            WeightKg: Math.Round(sex == Sex.Male ? 65 + random.NextDouble() * 35 : 50 + random.NextDouble() * 30, 1),
            HeightCm: Math.Round(sex == Sex.Male ? 165 + random.NextDouble() * 30 : 155 + random.NextDouble() * 25));
    }
}

public sealed record Device(string DeviceId, Machine Machine)
{
    /// <summary><c>Tapis_roulant</c> unit 1 is <c>tapis-roulant-01</c>.</summary>
    public static string IdFor(Machine machine, int unit) => $"{machine.DeviceIdPrefix}-{unit:00}";
}
