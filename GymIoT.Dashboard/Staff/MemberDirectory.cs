using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Members;
using GymIoT.Core.Storage;

namespace GymIoT.Dashboard.Staff;

/// <summary>An account as staff see it in the member list.</summary>
public sealed record MemberListing(string MemberId, string Name, string Surname, MemberRole Role, bool Locked);

/// <summary>Staff find members by id, name or surname: every account the <c>Members</c> table holds, matched in part.</summary>
public sealed class MemberDirectory(IAmazonDynamoDB dynamoDb)
{
    /// <summary>The most a search shows: a narrower search finds the rest.</summary>
    public const int MaxShown = 50;

    /// <summary>The longest search text (an id is at most 64 characters).</summary>
    public const int MaxSearchLength = 64;

    public async Task<IReadOnlyList<MemberListing>> SearchAsync(string text, CancellationToken cancellationToken = default)
    {
        var wanted = text.Trim();
        if (wanted.Length is 0 or > MaxSearchLength)
        {
            return [];
        }
        var items = await dynamoDb.ScanAllAsync(new ScanRequest
        {
            TableName = TableNames.Members,
            ProjectionExpression = $"{KeyNames.MemberId}, #name, {MemberAttributes.Surname}, #role, {MemberAttributes.AccountLocked}, {MemberAttributes.ErasingSince}",
            ExpressionAttributeNames = new() { ["#name"] = MemberAttributes.Name, ["#role"] = MemberAttributes.Role },
        }, cancellationToken);
        return [.. items
            .Where(item => !MemberStore.IsErasing(item))
            .Select(item => new MemberListing(
                item[KeyNames.MemberId].S,
                item.GetValueOrDefault(MemberAttributes.Name)?.S ?? "",
                item.GetValueOrDefault(MemberAttributes.Surname)?.S ?? "",
                Enum.TryParse<MemberRole>(item.GetValueOrDefault(MemberAttributes.Role)?.S, out var role) ? role : MemberRole.Member,
                item.GetValueOrDefault(MemberAttributes.AccountLocked)?.BOOL == true))
            .Where(m => Matches(m, wanted))
            .OrderBy(m => !m.MemberId.Equals(wanted, StringComparison.OrdinalIgnoreCase))
            .ThenBy(m => m.Surname, StringComparer.OrdinalIgnoreCase)
            .ThenBy(m => m.MemberId, StringComparer.Ordinal)
            .Take(MaxShown)];
    }

    private static bool Matches(MemberListing member, string wanted) =>
        member.MemberId.Contains(wanted, StringComparison.OrdinalIgnoreCase)
        || member.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase)
        || member.Surname.Contains(wanted, StringComparison.OrdinalIgnoreCase)
        || $"{member.Name} {member.Surname}".Contains(wanted, StringComparison.OrdinalIgnoreCase);
}
