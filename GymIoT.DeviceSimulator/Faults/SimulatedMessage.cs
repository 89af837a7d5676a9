using GymIoT.Core.Readings;

namespace GymIoT.DeviceSimulator.Faults;

/// <summary>A message a simulated sensor sends: a good reading, or a misreading and the reason it must be refused for.</summary>
public sealed record SimulatedMessage(string Queue, string Body, Reading Reading, RejectionReason? ExpectedRejection, bool OriginalFormat)
{
    public bool IsGood => ExpectedRejection is null;
}
