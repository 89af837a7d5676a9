using System.IO.Compression;
using System.Net;
using System.Text.Json;
using GymIoT.Core.Coaching;
using GymIoT.Dashboard.Accounts;
using GymIoT.Dashboard.MemberData;
using GymIoT.DeviceSimulator;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Dashboard;

/// <summary>A member takes their data away and deletes their account, through the running system.</summary>
[Trait(TestKind.Category, TestKind.EndToEnd)]
[Collection(PipelineCollection.Name)]
public sealed class MemberDataEndToEndTests(PipelineFixture fixture) : IDisposable
{
    private readonly Amazon.DynamoDBv2.IAmazonDynamoDB _dynamoDb = fixture.Aws.CreateDynamoDbClient();

    [Fact]
    public async Task A_member_downloads_their_training_and_then_deletes_their_account_and_every_item_naming_them()
    {
        var username = $"bye{Guid.NewGuid():N}"[..13];
        using var session = new DashboardSession(fixture.Endpoint("dashboard"));
        await session.SignUpAsync(username, "a long password");
        await session.LogInAsync(username, "a long password");
        var burst = await fixture.SendBurstAsync(new BurstRequest(3, MemberIds: [username], IncludeReadings: true));
        await Eventually.ValueAsync(() => new CoachSessionStore(_dynamoDb).OnAsync(username, TestGym.Calendar.LocalDate(burst.Readings![0].Reading.StartedAt)), s => s.Count == 3, TimeSpan.FromSeconds(60));

        var json = await session.GetAsync(MemberDataEndpoints.JsonPath);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.True(json.Headers.TransferEncodingChunked, "the export is sent as it is written, not counted first");
        Assert.Equal("no-store", json.Headers.CacheControl?.ToString());
        var export = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(burst.Readings!.Select(r => r.Reading.ReadingId).Order(), export.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("readingId").GetString()).Order());
        var csv = await session.GetAsync(MemberDataEndpoints.CsvPath);
        using (var zip = new ZipArchive(await csv.Content.ReadAsStreamAsync()))
        {
            Assert.Contains(zip.Entries, e => e.Name == "sessions.csv");
        }
        var cookie = session.CookieHeader;

        var deleted = await session.SubmitAsync("/profile", "delete-account", new Dictionary<string, string> { ["DeletePassword"] = "a long password", ["DeleteConfirmed"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.EndsWith("/account/deleted", deleted.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("/account/login", (await DashboardSession.ReplayAsync(fixture.Endpoint("dashboard"), cookie, "/profile")).Headers.Location!.ToString(), StringComparison.Ordinal);
        using var again = new DashboardSession(fixture.Endpoint("dashboard"));
        Assert.Contains(WebUtility.HtmlEncode(LoginOutcome.WrongCredentials), await (await again.LogInAsync(username, "a long password")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Once the services have forgotten the member, nothing is left that names them.
        var left = await Eventually.ValueAsync(() => TableScan.ItemsNamingAsync(_dynamoDb, username), items => items.Count == 0, TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(3));
        Assert.Empty(left);
    }

    [Fact]
    public async Task A_wrong_password_or_no_tick_deletes_nothing_and_says_why()
    {
        var username = $"stay{Guid.NewGuid():N}"[..13];
        using var session = new DashboardSession(fixture.Endpoint("dashboard"));
        await session.SignUpAsync(username, "a long password");
        await session.LogInAsync(username, "a long password");

        var wrong = await session.SubmitAsync("/profile", "delete-account", new Dictionary<string, string> { ["DeletePassword"] = "not it", ["DeleteConfirmed"] = "true" });
        var unticked = await session.SubmitAsync("/profile", "delete-account", new Dictionary<string, string> { ["DeletePassword"] = "a long password" });

        Assert.Contains(WebUtility.HtmlEncode(LoginOutcome.WrongCredentials), await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Tick the box", await unticked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/profile")).StatusCode);
        Assert.NotNull(await new GymIoT.Core.Members.MemberStore(_dynamoDb).FindAsync(username));
    }

    public void Dispose() => _dynamoDb.Dispose();
}
