using Deque.AxeCore.Playwright;
using GymIoT.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GymIoT.Tests.Browser;

/// <summary>Every page of the dashboard, as a member, staff and a visitor see it with data on it, checked by axe.</summary>
[Trait(TestKind.Category, TestKind.Browser)]
[Collection(PipelineCollection.Name)]
public sealed class AccessibilityBrowserTests(PipelineFixture fixture)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private string Dashboard => fixture.Endpoint("dashboard").ToString().TrimEnd('/');

    [SkippableFact]
    public async Task Every_page_has_no_serious_or_critical_accessibility_violation()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync();
        var violations = new List<string>();

        await page.GotoAsync($"{Dashboard}/account/login");
        violations.AddRange(await AxeAsync(page, "login"));
        await page.GotoAsync($"{Dashboard}/account/signup");
        violations.AddRange(await AxeAsync(page, "sign-up"));

        var username = $"axe{Guid.NewGuid():N}"[..12];
        await BrowserSession.SignUpAsync(page, Dashboard, username, "a long password");
        await fixture.SendBurstAsync(new DeviceSimulator.BurstRequest(4, MemberIds: [username]));
        await BrowserSession.LogInAsync(page, Dashboard, username, "a long password");
        // The home with everything on it: the day's figures, the heart rate and an alert.
        await Assertions.Expect(page.Locator("[data-chart='Heart rate today']")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        violations.AddRange(await AxeAsync(page, "member home"));
        await page.GotoAsync($"{Dashboard}/alerts");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Alerts");
        violations.AddRange(await AxeAsync(page, "alerts"));
        await page.GotoAsync($"{Dashboard}/profile");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Profile");
        violations.AddRange(await AxeAsync(page, "profile"));

        var staff = await browser.NewPageAsync();
        await BrowserSession.LogInAsync(staff, Dashboard, "staff", "GymIoT-demo-1");
        await staff.GotoAsync($"{Dashboard}/staff");
        await Assertions.Expect(staff.Locator("table").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        violations.AddRange(await AxeAsync(staff, "machines"));
        await staff.GotoAsync($"{Dashboard}/staff/cards");
        await Assertions.Expect(staff.Locator("tr[data-card]").First).ToBeVisibleAsync();
        violations.AddRange(await AxeAsync(staff, "cards"));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    /// <summary>The serious and critical violations on the page as it is now, each with what to fix and where.</summary>
    private static async Task<IEnumerable<string>> AxeAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => Blocking.Contains(v.Impact))
            .Select(v => $"{name}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
    }
}
