using GymIoT.Core.Queues;

namespace GymIoT.Core.Machines;

/// <summary>The machine types of the Bluetooth Fitness Machine Service (FTMS), as a connected machine announces itself.</summary>
public enum FtmsMachineType
{
    Treadmill,
    CrossTrainer,
    StepClimber,
    StairClimber,
    Rower,
    IndoorBike,
}

/// <summary>
/// A type of machine in the gym: its name (as readings, queues and cards name it), how people read it, how hard it works
/// its user (the range of its metabolic equivalent, MET), and what it is to an FTMS connection.
/// </summary>
public sealed record Machine(string Name, string DisplayName, double MinMet, double MaxMet, FtmsMachineType FtmsType)
{
    /// <summary>One SQS queue per machine type, named as the machine.</summary>
    public string QueueName => Name;

    public string DeadLetterQueueName => QueueNames.DeadLetterOf(QueueName);

    /// <summary>Its devices' ids start so: <c>tapis-roulant-02</c>.</summary>
    public string DeviceIdPrefix => Name.ToLowerInvariant().Replace('_', '-');

    /// <summary>The middle of the MET range: what a card expects of a workout on the machine.</summary>
    public double MidMet => (MinMet + MaxMet) / 2;
}
