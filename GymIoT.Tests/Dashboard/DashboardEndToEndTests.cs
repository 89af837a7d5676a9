using GymIoT.Dashboard.Accounts;
using System.Net;
using System.Text.Json;
using GymIoT.DeviceSimulator;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Dashboard;

/// <summary>The dashboard of the running system, used over HTTP as a browser would (server-rendered pages).</summary>
[Trait(TestKind.Category, TestKind.EndToEnd)]
[Collection(PipelineCollection.Name)]
public sealed class DashboardEndToEndTests(PipelineFixture fixture)
{

    [Fact]
    public async Task Every_page_but_sign_up_and_log_in_requires_login()
    {
        using var anonymous = new DashboardSession(fixture.Endpoint("dashboard"));

        var home = await anonymous.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/login", home.Headers.Location!.PathAndQuery);
        Assert.Contains("<h1>Log in</h1>", await anonymous.PageAsync("/account/login"));
        Assert.Contains("<h1>Sign up</h1>", await anonymous.PageAsync("/account/signup"));
    }

    [Fact]
    public async Task A_member_signs_up_logs_in_and_sees_only_their_own_training()
    {
        var trained = $"dash{Guid.NewGuid():N}"[..14];
        var idle = $"dash{Guid.NewGuid():N}"[..14];
        using var member = new DashboardSession(fixture.Endpoint("dashboard"));
        using var other = new DashboardSession(fixture.Endpoint("dashboard"));

        Assert.Equal(HttpStatusCode.Redirect, (await member.SignUpAsync(trained, "a long password")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await member.LogInAsync(trained, "a long password")).StatusCode);
        await other.SignUpAsync(idle, "another password");
        await other.LogInAsync(idle, "another password");
        var sent = await fixture.SendBurstAsync(new BurstRequest(8, MemberIds: [trained], IncludeReadings: true));
        var expectedKcal = sent.Readings!.Sum(r => (decimal)r.Reading.CaloriesKcal);

        var kpis = await Eventually.ValueAsync(
            async () => DashboardSession.KpiValues(await member.PageAsync("/")),
            values => values.Count > 0 && values[2] == $"{Math.Round(expectedKcal, 1):0} kcal",
            TimeSpan.FromSeconds(60));

        Assert.Equal($"{Math.Round(expectedKcal, 1):0} kcal", kpis[2]);
        Assert.Equal("0 kcal", DashboardSession.KpiValues(await other.PageAsync("/"))[2]);
    }

    [Fact]
    public async Task Logging_out_needs_the_forms_token_and_ends_the_session()
    {
        var username = $"out{Guid.NewGuid():N}"[..13];
        using var session = new DashboardSession(fixture.Endpoint("dashboard"));
        await session.SignUpAsync(username, "a long password");
        await session.LogInAsync(username, "a long password");

        var forged = await session.PostWithoutTokenAsync("/account/logout");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);

        var logout = await session.LogOutAsync();
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_machines_page_refuses_members_and_shows_staff_every_device_that_reported()
    {
        var username = $"mem{Guid.NewGuid():N}"[..13];
        using var member = new DashboardSession(fixture.Endpoint("dashboard"));
        await member.SignUpAsync(username, "a long password");
        await member.LogInAsync(username, "a long password");
        var burst = await fixture.SendBurstAsync(new BurstRequest(12, MemberIds: [username], IncludeReadings: true));

        var refused = await member.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/denied", refused.Headers.Location!.PathAndQuery);

        using var staff = new DashboardSession(fixture.Endpoint("dashboard"));
        Assert.Equal(HttpStatusCode.Redirect, (await staff.LogInAsync("staff", "GymIoT-demo-1")).StatusCode);
        var devices = burst.Readings!.Select(r => r.Reading.DeviceId).Distinct().ToList();
        var page = await Eventually.ValueAsync(
            () => staff.PageAsync("/staff"),
            html => devices.All(d => html.Contains($"data-device=\"{d}\"")),
            TimeSpan.FromSeconds(60));
        Assert.All(devices, device => Assert.Contains($"data-device=\"{device}\"", page));
        Assert.Contains("data-queue=\"Errors-dlq\"", page);
    }

    [Fact]
    public async Task The_profile_shows_the_energy_need_in_centimetres_and_a_new_goal_moves_the_targets()
    {
        var username = $"pro{Guid.NewGuid():N}"[..13];
        using var session = new DashboardSession(fixture.Endpoint("dashboard"));
        await session.SignUpAsync(username, "a long password");
        await session.LogInAsync(username, "a long password");
        var today = TestGym.Today;
        var age = today.Year - 1992 - (today < new DateOnly(today.Year, 2, 2) ? 1 : 0);
        var restingNeed = 10 * 61 + 6.25 * 168 - 5 * age - 161;

        Assert.Contains($"<strong>{restingNeed:0} kcal a day</strong>", await session.PageAsync("/profile"));

        var saved = await session.SubmitAsync("/profile", "profile", new Dictionary<string, string>
        {
            ["Input.WeightKg"] = "61",
            ["Input.HeightCm"] = "168",
            ["Input.BirthDate"] = "1992-02-02",
            ["Input.DailyGoalKcal"] = "600",
        });
        Assert.Contains("Saved.", await saved.Content.ReadAsStringAsync());
        var home = await session.PageAsync("/");
        Assert.Contains("0% of your 600 kcal goal", home);
        Assert.Contains("your monthly target is <strong>7200 kcal</strong> (3 workouts a week)", await session.PageAsync("/profile"));
        // The card's threshold follows the weight: the starter card for 61 kg.
        var month = TestGym.Today;
        var threshold = GymIoT.Core.Coaching.CardProgress.MonthlyThresholdKcal(GymIoT.Core.Coaching.CardCatalogue.Starter, 61, month.Year, month.Month);
        Assert.Contains($"0% of this month&#x27;s {threshold:0} kcal", home);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_username_at_that_address_for_the_right_one_too()
    {
        var username = $"lck{Guid.NewGuid():N}"[..13];
        using var session = new DashboardSession(fixture.Endpoint("dashboard"));
        await session.SignUpAsync(username, "a long password");

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await session.LogInAsync(username, "wrong password");
        }
        var withRightPassword = await session.LogInAsync(username, "a long password");

        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(LoginOutcome.LockedOut), await withRightPassword.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("localhost", HttpStatusCode.OK)]
    public async Task In_Development_the_dashboard_answers_to_loopback_names_only(string host, HttpStatusCode expected)
    {
        // A page whose own name was made to resolve to this machine (DNS rebinding) names its own host.
        using var session = new DashboardSession(fixture.Endpoint("dashboard"), new Dictionary<string, string> { ["Host"] = host });

        Assert.Equal(expected, (await session.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task A_confirmation_link_starts_with_the_dashboards_public_address()
    {
        var username = $"lnk{Guid.NewGuid():N}"[..13];
        var address = $"{username}@example.com";
        using var session = new DashboardSession(fixture.Endpoint("dashboard"));
        await session.SignUpAsync(username, "a long password");
        await session.LogInAsync(username, "a long password");

        var sent = await session.SubmitAsync("/profile", "email", new Dictionary<string, string> { ["EmailForm.Address"] = address });

        Assert.Contains($"We sent a link to {address}", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var inbox = new MailInbox(fixture.Endpoint("maildev"));
        var mail = Assert.Single(await Eventually.ValueAsync(() => inbox.ToAsync(address), m => m.Count > 0, TimeSpan.FromSeconds(10)));
        Assert.Contains($"{fixture.Endpoint("dashboard")}{EmailConfirmation.PagePath}?token=", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_clear_message()
    {
        using var session = new DashboardSession(fixture.Endpoint("dashboard"));

        var response = await session.LogInAsync("xzan8189", "not the password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The username or the password is wrong.", await response.Content.ReadAsStringAsync());
    }
}
