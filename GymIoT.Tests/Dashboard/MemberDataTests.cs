using System.IO.Compression;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Calories;
using GymIoT.Core.Coaching;
using GymIoT.Core.Members;
using GymIoT.Core.Queues;
using GymIoT.Core.Storage;
using GymIoT.Dashboard.Accounts;
using GymIoT.Dashboard.MemberData;
using GymIoT.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using GymIoT.Core.Machines;

namespace GymIoT.Tests.Dashboard;

/// <summary>
/// What a member takes away and what they can have deleted, against the real tables. A member could neither see
/// everything GymIoT held about them nor have it deleted: staff could still find them, and their history stayed.
/// </summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class MemberDataTests(PlatformFixture fixture) : IDisposable
{
    private const int Days = 730;

    private static readonly DateOnly Today = new(2026, 12, 7);

    private readonly IAmazonDynamoDB _dynamoDb = fixture.Aws.CreateDynamoDbClient();

    [Fact]
    public async Task Two_years_of_history_are_exported_as_they_are_read_a_page_at_a_time_and_whole()
    {
        var memberId = await MemberWithTwoYearsAsync();
        var body = new AsyncOnlyStream();
        var output = body.Written;
        var writtenAtEachRead = new List<long>();
        var observed = ObservedDynamoDb.Wrap(_dynamoDb, request =>
        {
            if (request is QueryRequest)
            {
                writtenAtEachRead.Add(output.Length);
            }
            return false;
        });

        await new MemberDataExport(observed, TimeProvider.System).WriteJsonAsync(memberId, body, CancellationToken.None);

        // Page by page: what was read is written before the next page is asked for, never all at the end.
        Assert.True(writtenAtEachRead.Count >= 2 * Days / MemberDataExport.PageSize, $"{writtenAtEachRead.Count} pages");
        Assert.True(writtenAtEachRead.Distinct().Count() >= writtenAtEachRead.Count - TableCount, "the export waited to write until it had read");
        Assert.True(writtenAtEachRead[^1] > output.Length / 2, "most of the export was written before its last read");
        var export = JsonDocument.Parse(output.ToArray()).RootElement;
        Assert.Equal(memberId, export.GetProperty("member").GetProperty("MemberId").GetString());
        Assert.False(export.GetProperty("member").TryGetProperty("PasswordHash", out _), "the password's hash is no data of theirs to take away");
        Assert.Equal(2 * Days, export.GetProperty("sessions").GetArrayLength());
        Assert.Equal(30, export.GetProperty("sessions")[0].GetProperty("heartRatePerMinute").GetArrayLength());
        Assert.Equal(Days + 24, export.GetProperty("memberActivity").GetArrayLength());
        Assert.Equal(1, export.GetProperty("alerts").GetArrayLength());
        Assert.Equal(1, export.GetProperty("cardAssignments").GetArrayLength());
        Assert.False(export.GetProperty("accountSessions")[0].TryGetProperty("SessionId", out _), "a session's id signs in");
    }

    [Fact]
    public async Task The_CSV_export_is_a_zip_with_the_profile_the_sessions_and_a_file_a_table()
    {
        var memberId = await MemberWithTwoYearsAsync();
        var body = new AsyncOnlyStream();

        await new MemberDataExport(_dynamoDb, TimeProvider.System).WriteCsvZipAsync(memberId, body, CancellationToken.None);

        var output = body.Written;
        output.Position = 0;
        using var zip = new ZipArchive(output);
        Assert.Equal(["accountSessions.csv", "alerts.csv", "cardAssignments.csv", "cardOffers.csv", "member.csv", "memberActivity.csv", "monthReviews.csv", "sessions.csv"],
            zip.Entries.Select(e => e.Name).Order(StringComparer.Ordinal));
        var sessions = Lines(zip, "sessions.csv");
        Assert.Equal("day,readingId,machine,startedAt,minutes,heartRatePerMinute", sessions[0]);
        Assert.Equal(2 * Days + 1, sessions.Count);
        var member = Lines(zip, "member.csv");
        Assert.Contains("Surname,Data", member);
        Assert.DoesNotContain(member, line => line.StartsWith("PasswordHash", StringComparison.Ordinal));
        // A name a spreadsheet would run as a formula stays text.
        Assert.Contains("Name,\"'=HYPERLINK(\"\"http://evil.example\"\")\"", member);
    }

    [Fact]
    public async Task A_deleted_account_leaves_no_item_naming_the_member_in_any_table_even_one_written_on_its_way()
    {
        var memberId = await MemberWithTwoYearsAsync(days: 20);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var erasure = new AccountErasure(_dynamoDb, Options.Create(new MemberStoreOptions()), clock, NullLogger<AccountErasure>.Instance);

        await erasure.BeginAsync(memberId);

        // From the mark on, nobody takes them for a member or finds their account.
        Assert.Null(await new MemberStore(_dynamoDb).FindAsync(memberId));
        Assert.Null(await new AccountStore(_dynamoDb, new MemberStore(_dynamoDb)).FindAsync(memberId));
        Assert.DoesNotContain(await new GymIoT.Dashboard.Staff.MemberDirectory(_dynamoDb).SearchAsync(memberId), m => m.MemberId == memberId);
        // A reading that was on its way when the mark was set, coached a moment later.
        await new CoachSessionStore(_dynamoDb).RecordAsync(memberId, Today, new TrainingSession("late-reading", MachineCatalogue.Cyclette.Name, Today.ToDateTime(new TimeOnly(9, 0)), 15), CancellationToken.None);
        Assert.Equal(0, await erasure.FinishDueAsync());
        clock.Advance(erasure.FinishAfter);
        Assert.Equal(1, await erasure.FinishDueAsync());

        Assert.Empty(await TableScan.ItemsNamingAsync(_dynamoDb, memberId));
    }

    private static int TableCount => Core.Provisioning.TableDefinitions.KeyedByMember.Count;

    /// <summary>A member with an account, a session, a card, an alert, an offer, a month review and <paramref name="days"/> days of training.</summary>
    private async Task<string> MemberWithTwoYearsAsync(int days = Days)
    {
        var memberId = $"data{Guid.NewGuid():N}"[..14];
        var member = new Member(memberId, "=HYPERLINK(\"http://evil.example\")", "Data", Sex.Female, new DateOnly(1991, 5, 5), 62, 168);
        await new AccountStore(_dynamoDb, new MemberStore(_dynamoDb)).RegisterAsync(member, "hash-of-a-password");
        await new AccountSessionStore(_dynamoDb).StartAsync(memberId, DateTimeOffset.UtcNow);
        await new CardAssignmentStore(_dynamoDb).AssignAsync(new CardAssignment(memberId, Today.AddDays(-days), CardCatalogue.Starter.CardId, AssignmentCause.Default, DateTimeOffset.UtcNow, null));
        await new AlertStore(_dynamoDb).RaiseAsync(new CoachAlert(memberId, Today, AlertKind.OverTime, MachineCatalogue.Cyclette.Name, "20 minutes on the Cyclette", "r-1"), DateTimeOffset.UtcNow);
        foreach (var table in new[] { TableNames.CardOffers, TableNames.MonthReviews })
        {
            await _dynamoDb.PutItemAsync(table, new() { [KeyNames.MemberId] = new() { S = memberId }, [KeyNames.Period] = new() { S = "M#2026-11" }, ["Decision"] = new() { S = "Keep" } });
        }
        var sessions = new CoachSessionStore(_dynamoDb);
        var periods = Enumerable.Range(1, days).Select(d => Today.AddDays(-d)).ToList();
        await Parallel.ForEachAsync(periods, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (day, token) =>
        {
            foreach (var (machine, hour) in new[] { (MachineCatalogue.Cyclette.Name, 9), (MachineCatalogue.TapisRoulant.Name, 10) })
            {
                await sessions.RecordAsync(memberId, day, new TrainingSession(Guid.NewGuid().ToString("N"), machine, day.ToDateTime(new TimeOnly(hour, 0)), 30, [.. Enumerable.Range(100, 30)]), token);
            }
        });
        var activity = periods.Select(day => $"D#{StoredDate.Of(day)}").Concat(Enumerable.Range(0, days == Days ? 24 : 1).Select(m => $"M#{Today.AddMonths(-m):yyyy-MM}"))
            .Select(period => new Dictionary<string, AttributeValue>
            {
                [KeyNames.MemberId] = new() { S = memberId },
                [KeyNames.Period] = new() { S = period },
                [ActivityAttributes.KcalOn(MachineCatalogue.Cyclette.Name)] = new() { N = "210.5" },
                [ActivityAttributes.AppliedIds] = new() { SS = [Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N")] },
            });
        foreach (var chunk in activity.Chunk(25))
        {
            await _dynamoDb.BatchWriteItemAsync(new Dictionary<string, List<WriteRequest>> { [TableNames.MemberActivity] = [.. chunk.Select(item => new WriteRequest(new PutRequest(item)))] });
        }
        return memberId;
    }

    private static List<string> Lines(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return [.. reader.ReadToEnd().Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];
    }

    public void Dispose() => _dynamoDb.Dispose();
}
