using GymIoT.Dashboard.Accounts;
using GymIoT.DeviceSimulator;
using GymIoT.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GymIoT.Tests.Browser;

/// <summary>Who may see what, tried in a real browser against the running system: log out, lockout, isolation, staff only.</summary>
[Trait(TestKind.Category, TestKind.Browser)]
[Collection(PipelineCollection.Name)]
public sealed class AccountBrowserTests(PipelineFixture fixture)
{
    private const string Password = "a long password";

    private string Dashboard => fixture.Endpoint("dashboard").ToString().TrimEnd('/');

    private static string NewUsername(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..13];

    [SkippableFact]
    public async Task Logging_out_ends_the_session_and_closes_the_pages_again()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync();
        var username = NewUsername("out");
        await BrowserSession.SignUpAsync(page, Dashboard, username, Password);
        await BrowserSession.LogInAsync(page, Dashboard, username, Password);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hello Web");

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await BrowserSession.ArriveAsync(page, "**/account/login", "Log in");

        Assert.DoesNotContain(await page.Context.CookiesAsync([Dashboard]), cookie => cookie.Name == "GymIoT.Session");
        foreach (var closed in new[] { "/", "/profile", "/staff" })
        {
            await page.GotoAsync(Dashboard + closed, new() { WaitUntil = WaitUntilState.Commit });
            await BrowserSession.ArriveAsync(page, "**/account/login**", "Log in");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Log in");
        }
        await BrowserSession.ScreenshotAsync(page, "logged-out");
    }

    [SkippableFact]
    public async Task Five_wrong_passwords_lock_the_username_at_that_address_even_for_the_right_one()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync();
        var username = NewUsername("lck");
        await BrowserSession.SignUpAsync(page, Dashboard, username, Password);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await BrowserSession.SubmitLogInAsync(page, Dashboard, username, $"wrong password {attempt}");
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The username or the password is wrong.");
        }
        await BrowserSession.SubmitLogInAsync(page, Dashboard, username, "wrong password 5");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(LoginOutcome.LockedOut);
        await BrowserSession.SubmitLogInAsync(page, Dashboard, username, Password);

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(LoginOutcome.LockedOut);
        Assert.Contains("/account/login", page.Url);
        await BrowserSession.ScreenshotAsync(page, "locked-out");
    }

    [SkippableFact]
    public async Task A_member_opening_another_members_training_gets_only_their_own()
    {
        var trained = NewUsername("bbb");
        using (var other = new DashboardSession(fixture.Endpoint("dashboard")))
        {
            await other.SignUpAsync(trained, Password);
        }
        var burst = await fixture.SendBurstAsync(new BurstRequest(6, MemberIds: [trained], IncludeReadings: true));
        var othersKcal = $"{Math.Round(burst.Readings!.Sum(r => (decimal)r.Reading.CaloriesKcal), 1):0} kcal";
        using (var other = new DashboardSession(fixture.Endpoint("dashboard")))
        {
            await other.LogInAsync(trained, Password);
            await Eventually.ValueAsync(async () => DashboardSession.KpiValues(await other.PageAsync("/")), kpis => kpis.Count > 0 && kpis[0] == othersKcal, TimeSpan.FromSeconds(60));
        }

        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync();
        var username = NewUsername("aaa");
        await BrowserSession.SignUpAsync(page, Dashboard, username, Password);
        await BrowserSession.LogInAsync(page, Dashboard, username, Password);

        foreach (var attempt in new[] { $"/?memberId={trained}", $"/?member={trained}&username={trained}", $"/members/{trained}", $"/{trained}", $"/profile?memberId={trained}" })
        {
            var response = await page.GotoAsync(Dashboard + attempt);
            var text = await page.Locator("main").InnerTextAsync();
            Assert.DoesNotContain(trained, text);
            Assert.DoesNotContain(othersKcal, text);
            if (attempt.StartsWith("/?"))
            {
                await Assertions.Expect(page.Locator("[data-kpi='Today'] .kpi-value")).ToHaveTextAsync("0 kcal");
            }
            else if (!attempt.StartsWith("/profile"))
            {
                Assert.Equal(404, response!.Status);
                await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not found");
            }
        }
        await page.GotoAsync($"{Dashboard}/?memberId={trained}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hello Web");
        await Assertions.Expect(page.Locator(".topbar")).ToContainTextAsync(username);
        await BrowserSession.ScreenshotAsync(page, "member-isolation");
    }

    [SkippableFact]
    public async Task The_staff_page_refuses_a_member_and_opens_for_staff()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync();
        var username = NewUsername("mem");
        await BrowserSession.SignUpAsync(page, Dashboard, username, Password);
        await BrowserSession.LogInAsync(page, Dashboard, username, Password);

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Machines" })).ToHaveCountAsync(0);
        await page.GotoAsync($"{Dashboard}/staff");

        await BrowserSession.ArriveAsync(page, "**/account/denied**", "Not allowed");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not allowed");
        await Assertions.Expect(page.Locator("table")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "staff-page-refused");

        var staff = await browser.NewPageAsync();
        await BrowserSession.LogInAsync(staff, Dashboard, "staff", "GymIoT-demo-1");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Machines" }).ClickAsync();
        await BrowserSession.ArriveAsync(staff, "**/staff", "Machines");
        await Assertions.Expect(staff.Locator("[data-queue='Errors-dlq']")).ToHaveCountAsync(1);
        await BrowserSession.ScreenshotAsync(staff, "staff-machines");
    }
}
