using GymIoT.Dashboard.Security;
using GymIoT.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GymIoT.Tests.Browser;

/// <summary>
/// Every page under the dashboard's content security policy, in Chromium: the charts, the live updates and the forms work
/// with scripts from the dashboard alone, and the browser reports nothing refused or failing.
/// </summary>
[Trait(TestKind.Category, TestKind.Browser)]
[Collection(PipelineCollection.Name)]
public sealed class SecurityHeadersBrowserTests(PipelineFixture fixture)
{
    private string Dashboard => fixture.Endpoint("dashboard").ToString().TrimEnd('/');

    [SkippableFact]
    public async Task Every_page_carries_the_security_headers_and_runs_with_no_console_error()
    {
        await using var browser = await BrowserSession.StartAsync();
        var errors = new List<string>();
        var page = Watched(await browser.NewPageAsync(), errors);

        var login = await page.GotoAsync($"{Dashboard}/account/login");
        foreach (var (name, value) in SecurityHeaders.All)
        {
            Assert.Equal(value, await login!.HeaderValueAsync(name));
        }
        var username = $"csp{Guid.NewGuid():N}"[..12];
        await BrowserSession.SignUpAsync(page, Dashboard, username, "a long password");
        await fixture.SendBurstAsync(new DeviceSimulator.BurstRequest(4, MemberIds: [username]));
        await BrowserSession.LogInAsync(page, Dashboard, username, "a long password");
        await Assertions.Expect(page.Locator("[data-chart='Heart rate today'] .apexcharts-canvas")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        foreach (var (path, heading) in new[] { ("/alerts", "Alerts"), ("/profile", "Profile") })
        {
            await page.GotoAsync($"{Dashboard}{path}");
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(heading);
        }

        var staff = Watched(await browser.NewPageAsync(), errors);
        await BrowserSession.LogInAsync(staff, Dashboard, "staff", "GymIoT-demo-1");
        foreach (var (path, ready) in new[] { ("/staff", "table"), ("/staff/cards", "tr[data-card]"), ("/staff/members", "input[maxlength]") })
        {
            await staff.GotoAsync($"{Dashboard}{path}");
            await Assertions.Expect(staff.Locator(ready).First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        }
        // A framed dashboard shows nothing: no page of another site can lay it under its own buttons.
        await staff.SetContentAsync($"<iframe src=\"{Dashboard}/account/login\"></iframe>");
        await staff.WaitForTimeoutAsync(1000);
        Assert.Null(await staff.Frames[^1].QuerySelectorAsync("form"));

        Assert.True(errors.Count(e => !e.Contains("frame-ancestors", StringComparison.Ordinal)) == 0, string.Join(Environment.NewLine, errors));
    }

    /// <summary>The page, with every console error and uncaught script error it shows written to <paramref name="errors"/>.</summary>
    private static IPage Watched(IPage page, List<string> errors)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add($"{page.Url}: {error}");
            }
        };
        return page;
    }
}
