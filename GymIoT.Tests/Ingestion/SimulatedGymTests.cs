using System.ComponentModel.DataAnnotations;
using GymIoT.Core.Calories;
using GymIoT.Dashboard.Accounts;
using GymIoT.DeviceSimulator;
using GymIoT.DeviceSimulator.Gym;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Ingestion;

[Trait(TestKind.Category, TestKind.Unit)]
public sealed class SimulatedGymTests
{
    private static readonly HashSet<string> WomensNames = ["Giulia", "Sara", "Elena", "Chiara", "Anna"];

    [Fact]
    public void Simulated_members_have_names_that_fit_their_sex_and_ids_no_sign_up_can_take()
    {
        var gym = new SimulatedGym(new SimulatorOptions { Members = 200, RandomSeed = 3 });

        var simulated = gym.Members.Where(m => m.MemberId.StartsWith("sim:", StringComparison.Ordinal)).ToList();

        Assert.Equal(200, simulated.Count);
        Assert.All(simulated, m => Assert.Equal(m.Sex == Sex.Female, WomensNames.Contains(m.Name)));
        Assert.All(simulated, m => Assert.False(
            Validator.TryValidateProperty(m.MemberId, new ValidationContext(new SignUpInput()) { MemberName = nameof(SignUpInput.Username) }, []),
            $"a person could sign up as {m.MemberId}"));
    }
}
