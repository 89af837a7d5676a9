using GymIoT.Core.Readings;

namespace GymIoT.Core.Storage;

/// <summary>
/// How many ids an aggregate item may hold. Every id folded into an item stays in its <c>AppliedIds</c> set (the guard against
/// counting a reading twice), and DynamoDB refuses an item over 400 KB. Ids are at most <see cref="Identifiers.MaxLength"/>
/// (64) bytes, so:
/// <list type="bullet">
/// <item>a member's day holds at most <see cref="ReadingsPerMemberDay"/> readings (9.6 KB of ids), and since a reading reaches
/// the member's month only once its day took it, a month holds at most 31 × 150 = 4,650 (298 KB);</item>
/// <item>a device's day holds at most <see cref="ReadingsPerDeviceDay"/> readings and <see cref="FaultsPerDeviceDay"/> faults
/// (2,880 ids, 184 KB).</item>
/// </list>
/// A reading over its member's or device's day limit is refused with <see cref="RejectionReason.OverDailyLimit"/>; a fault
/// over its device's day limit is still delivered to the gym, and counted no further.
/// </summary>
public static class ItemLimits
{
    /// <summary>More sessions than this in one day is not a member training: about one every ten minutes around the clock.</summary>
    public const int ReadingsPerMemberDay = 150;

    /// <summary>One session a minute around the clock.</summary>
    public const int ReadingsPerDeviceDay = 1440;

    /// <summary>One misreading a minute around the clock: a device this broken is news long before.</summary>
    public const int FaultsPerDeviceDay = 1440;
}
