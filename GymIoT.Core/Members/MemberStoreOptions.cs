using System.ComponentModel.DataAnnotations;

namespace GymIoT.Core.Members;

/// <summary>How long a service takes a member it found to be one (section <c>Members</c>); the same for every service.</summary>
public sealed class MemberStoreOptions
{
    public const string SectionName = "Members";

    [Range(1, 3600)]
    public int RememberSeconds { get; set; } = 120;

    public TimeSpan RememberFor => TimeSpan.FromSeconds(RememberSeconds);
}
