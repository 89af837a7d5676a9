using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Storage;

namespace GymIoT.Core.Coaching;

/// <summary>The <c>MonthReviews</c> table: one review per member and month; the first one recorded stands.</summary>
public sealed class MonthReviewStore(IAmazonDynamoDB dynamoDb)
{
    public async Task<MonthReview?> FindAsync(string memberId, DateOnly month, CancellationToken cancellationToken = default)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = TableNames.MonthReviews,
            Key = Key(memberId, month),
            ConsistentRead = true,
        }, cancellationToken);
        return response.Item is { Count: > 0 } item ? FromItem(item, month) : null;
    }

    /// <summary>Records the review unless the month has one; returns the review that stands.</summary>
    public async Task<MonthReview> RecordAsync(MonthReview review, CancellationToken cancellationToken = default)
    {
        var item = Key(review.MemberId, review.Month);
        item[ReviewAttributes.Verdict] = new() { S = review.Verdict.ToString() };
        item[ReviewAttributes.CardId] = new() { S = review.CardId };
        item[ReviewAttributes.Percent] = new() { N = review.Percent.ToString(CultureInfo.InvariantCulture) };
        item[ReviewAttributes.ReviewedAt] = new() { S = StoredTime.Of(review.ReviewedAt) };
        if (review.LevelDownCardId is { } down)
        {
            item[ReviewAttributes.LevelDownCardId] = new() { S = down };
        }
        // Reviewed already (a repeated run, another replica): that review stands.
        return await dynamoDb.PutIfAbsentAsync(TableNames.MonthReviews, item, KeyNames.MemberId, cancellationToken)
            ? review
            : await FindAsync(review.MemberId, review.Month, cancellationToken) ?? review;
    }

    private static Dictionary<string, AttributeValue> Key(string memberId, DateOnly month) =>
        ItemKey.MemberMonth(TableNames.MonthReviews, memberId, month).ToAttributes();

    private static MonthReview FromItem(Dictionary<string, AttributeValue> item, DateOnly month) => new(
        item[KeyNames.MemberId].S,
        new DateOnly(month.Year, month.Month, 1),
        Enum.TryParse<MonthVerdict>(item.GetValueOrDefault(ReviewAttributes.Verdict)?.S, out var verdict) ? verdict : MonthVerdict.OnTrack,
        item.GetValueOrDefault(ReviewAttributes.CardId)?.S ?? CardCatalogue.Starter.CardId,
        int.TryParse(item.GetValueOrDefault(ReviewAttributes.Percent)?.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var percent) ? percent : 0,
        item.GetValueOrDefault(ReviewAttributes.LevelDownCardId)?.S,
        DateTimeOffset.Parse(item.GetValueOrDefault(ReviewAttributes.ReviewedAt)?.S ?? "2000-01-01T00:00:00Z", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
}
