using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Coaching;
using GymIoT.Core.Members;
using GymIoT.Core.Provisioning;
using GymIoT.Core.Storage;

namespace GymIoT.Dashboard.MemberData;

/// <summary>
/// Everything GymIoT holds about a member, for them to take away: their profile and settings, every session the coach
/// recorded (machine, start, minutes, heart rate), their daily and monthly totals, every card they were on, their offers,
/// month reviews, alerts and sign-ins; as JSON, or as CSV files in a zip. It is written as it is read, a page of items at
/// a time, so two years of history never sit in memory at once. Secrets are left out: the password's hash, session ids.
/// </summary>
public sealed class MemberDataExport(IAmazonDynamoDB dynamoDb, TimeProvider timeProvider)
{
    /// <summary>Items read and written at a time.</summary>
    public const int PageSize = 100;

    private static readonly HashSet<string> Secrets = [MemberAttributes.PasswordHash, KeyNames.SessionId, KeyNames.ExpiresAt];

    /// <summary>The sections of an export other than the profile and the sessions: each table keyed by the member.</summary>
    private static IEnumerable<(string Table, string? SortKey)> Tables => TableDefinitions.KeyedByMember.Where(t => t.Table != TableNames.CoachSessions);

    public async Task WriteJsonAsync(string memberId, Stream output, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("exportedAt", timeProvider.GetUtcNow());
        json.WritePropertyName("member");
        WriteItem(json, await ProfileAsync(memberId, cancellationToken));
        json.WriteStartArray("sessions");
        await foreach (var page in PagesAsync(TableNames.CoachSessions, memberId, cancellationToken))
        {
            foreach (var (day, session) in SessionsOf(page))
            {
                json.WriteStartObject();
                json.WriteString("day", day);
                json.WriteString("readingId", session.ReadingId);
                json.WriteString("machine", session.Machine);
                json.WriteString("startedAt", session.StartedAt);
                json.WriteNumber("minutes", session.Minutes);
                if (session.HeartRatePerMinute is { } heartRate)
                {
                    json.WriteStartArray("heartRatePerMinute");
                    foreach (var bpm in heartRate)
                    {
                        json.WriteNumberValue(bpm);
                    }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            await json.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        foreach (var (table, _) in Tables)
        {
            json.WriteStartArray(SectionOf(table));
            await foreach (var page in PagesAsync(table, memberId, cancellationToken))
            {
                foreach (var item in page)
                {
                    WriteItem(json, item);
                }
                await json.FlushAsync(cancellationToken);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    /// <summary>A zip of CSV files: <c>member.csv</c>, <c>sessions.csv</c>, and one a table of the rest (item, attribute, value).</summary>
    public async Task WriteCsvZipAsync(string memberId, Stream output, CancellationToken cancellationToken)
    {
        // A zip writes its entries synchronously: through a buffer handed on to the response after every page.
        await using var buffer = new DrainedBuffer(output);
        await using (var zip = await ZipArchive.CreateAsync(buffer, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            using (var member = Entry(zip, "member.csv"))
            {
                member.Write(Csv.Line("attribute", "value"));
                foreach (var (name, value) in Disclosed(await ProfileAsync(memberId, cancellationToken)))
                {
                    member.Write(Csv.Line(name, StoredValues.Text(value)));
                }
            }
            await buffer.DrainAsync(cancellationToken);
            using (var sessions = Entry(zip, "sessions.csv"))
            {
                sessions.Write(Csv.Line("day", "readingId", "machine", "startedAt", "minutes", "heartRatePerMinute"));
                await foreach (var page in PagesAsync(TableNames.CoachSessions, memberId, cancellationToken))
                {
                    foreach (var (day, session) in SessionsOf(page))
                    {
                        sessions.Write(Csv.Line(day, session.ReadingId, session.Machine, StoredTime.Of(session.StartedAt),
                            session.Minutes.ToString(CultureInfo.InvariantCulture), session.HeartRatePerMinute is { } bpm ? string.Join(' ', bpm) : ""));
                    }
                    sessions.Flush();
                    await buffer.DrainAsync(cancellationToken);
                }
            }
            foreach (var (table, sortKey) in Tables)
            {
                using var csv = Entry(zip, $"{SectionOf(table)}.csv");
                csv.Write(Csv.Line("item", "attribute", "value"));
                await foreach (var page in PagesAsync(table, memberId, cancellationToken))
                {
                    foreach (var item in page)
                    {
                        var key = sortKey is not null && item.TryGetValue(sortKey, out var sort) ? StoredValues.Text(sort) : memberId;
                        foreach (var (name, value) in Disclosed(item).Where(a => a.Key != sortKey && a.Key != KeyNames.MemberId))
                        {
                            csv.Write(Csv.Line(key, name, StoredValues.Text(value)));
                        }
                    }
                    csv.Flush();
                    await buffer.DrainAsync(cancellationToken);
                }
            }
        }
        await buffer.DrainAsync(cancellationToken);
    }

    private static StreamWriter Entry(ZipArchive zip, string name) =>
        new(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    private async Task<Dictionary<string, AttributeValue>> ProfileAsync(string memberId, CancellationToken cancellationToken) =>
        (await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = TableNames.Members,
            Key = new() { [KeyNames.MemberId] = new() { S = memberId } },
            ConsistentRead = true,
        }, cancellationToken)).Item ?? [];

    /// <summary>The member's items of one table, a page at a time.</summary>
    private async IAsyncEnumerable<List<Dictionary<string, AttributeValue>>> PagesAsync(
        string table, string memberId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var response = await dynamoDb.QueryAsync(new QueryRequest
            {
                TableName = table,
                KeyConditionExpression = $"{KeyNames.MemberId} = :m",
                ExpressionAttributeValues = new() { [":m"] = new() { S = memberId } },
                Limit = PageSize,
                ExclusiveStartKey = start,
            }, cancellationToken);
            yield return response.Items ?? [];
            start = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
    }

    private static IEnumerable<(string Day, TrainingSession Session)> SessionsOf(List<Dictionary<string, AttributeValue>> days) =>
        days.SelectMany(day => CoachSessionStore.SessionsOf(day, withHeartRate: true)
            .OrderBy(s => s.StartedAt)
            .Select(session => (day[KeyNames.Session].S, session)));

    private static void WriteItem(Utf8JsonWriter json, Dictionary<string, AttributeValue> item)
    {
        json.WriteStartObject();
        foreach (var (name, value) in Disclosed(item))
        {
            json.WritePropertyName(name);
            StoredValues.Write(json, value);
        }
        json.WriteEndObject();
    }

    private static IEnumerable<KeyValuePair<string, AttributeValue>> Disclosed(Dictionary<string, AttributeValue> item) =>
        item.Where(a => !Secrets.Contains(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal);

    /// <summary>A table's section name in the export: <c>MemberActivity</c> is <c>memberActivity</c>.</summary>
    private static string SectionOf(string table) => JsonNamingPolicy.CamelCase.ConvertName(table);
}
