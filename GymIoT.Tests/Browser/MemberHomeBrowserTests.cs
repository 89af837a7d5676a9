using System.Text.Json;
using GymIoT.DeviceSimulator;
using GymIoT.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GymIoT.Tests.Browser;

/// <summary>The member dashboard in a real browser, against the running system.</summary>
[Trait(TestKind.Category, TestKind.Browser)]
[Collection(PipelineCollection.Name)]
public sealed class MemberHomeBrowserTests(PipelineFixture fixture)
{

    [SkippableFact]
    public async Task A_new_member_signs_up_sees_every_chart_and_watches_a_reading_arrive_live()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync();
        var dashboard = fixture.Endpoint("dashboard").ToString().TrimEnd('/');
        var username = $"web{Guid.NewGuid():N}"[..13];

        await BrowserSession.SignUpAsync(page, dashboard, username, "a long password");
        await BrowserSession.LogInAsync(page, dashboard, username, "a long password");

        // Five charts and the gauge of today's goal.
        await Assertions.Expect(page.Locator(".apexcharts-canvas")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("[data-kpi='Today'] .apexcharts-radialbar")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-kpi='Today'] .kpi-value")).ToHaveTextAsync("0 kcal");
        // The card comes first: a new member is on the starter card, its first step next, the month's bar empty.
        await Assertions.Expect(page.Locator(".training-card h2")).ToContainTextAsync("Your card: Starter");
        await Assertions.Expect(page.Locator(".training-card .next-step")).ToHaveTextAsync("Next: Cyclette, 15 min");
        var cardBar = page.GetByRole(AriaRole.Progressbar, new() { Name = "This month on your card" });
        await Assertions.Expect(cardBar).ToHaveAttributeAsync("aria-valuenow", "0");
        await page.EvaluateAsync("window.__stillTheSamePage = true");

        var burst = await fixture.SendBurstAsync(new BurstRequest(4, MemberIds: [username], IncludeReadings: true));
        var kcal = burst.Readings!.Sum(r => (decimal)r.Reading.CaloriesKcal);

        await Assertions.Expect(page.Locator("[data-kpi='Today'] .kpi-value"))
            .ToHaveTextAsync($"{Math.Round(kcal, 1):0} kcal", new() { Timeout = 5_000 });
        Assert.True(await page.EvaluateAsync<bool>("window.__stillTheSamePage === true"), "the page was reloaded");
        await Assertions.Expect(cardBar).Not.ToHaveAttributeAsync("aria-valuenow", "0");
        // The chart is updated in the browser right after the figures: give it the moment it takes.
        var drawnKcal = await Eventually.ValueAsync(async () =>
        {
            var series = await page.Locator("[data-chart='Today per machine']").GetAttributeAsync("data-series");
            return JsonDocument.Parse(series!).RootElement[0].GetProperty("data").EnumerateArray().Sum(v => v.GetDecimal());
        }, drawn => Math.Abs(drawn - Math.Round(kcal, 1)) <= 0.5m, TimeSpan.FromSeconds(5));
        Assert.InRange(drawnKcal, Math.Round(kcal, 1) - 0.5m, Math.Round(kcal, 1) + 0.5m);
        var note = await page.Locator("[data-kpi='Today'] .kpi-note").TextContentAsync();
        var percent = decimal.Parse(note!.Split('%')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(percent > 0, note);
        var gauge = await Eventually.ValueAsync(async () =>
        {
            var series = await page.Locator("[data-chart=\"Today's goal\"]").GetAttributeAsync("data-series");
            return JsonDocument.Parse(series!).RootElement[0].GetProperty("data")[0].GetDecimal();
        }, drawn => drawn == percent, TimeSpan.FromSeconds(5));
        Assert.Equal(percent, gauge);
        // The coach keeps each session's pulse: the day's trend shows every minute of it, over the member's zones.
        var trend = page.Locator("[data-chart='Heart rate today']");
        await Assertions.Expect(trend).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        var pulseMinutes = burst.Readings!.Sum(r => r.Reading.HeartRatePerMinute!.Count);
        var drawnMinutes = await Eventually.ValueAsync(
            // The attribute comes with the chart's first drawing, a moment after the element.
            async () => await trend.GetAttributeAsync("data-series") is { } series ? JsonDocument.Parse(series).RootElement[0].GetProperty("data").GetArrayLength() : 0,
            drawn => drawn == pulseMinutes, TimeSpan.FromSeconds(15));
        Assert.Equal(pulseMinutes, drawnMinutes);
        await Assertions.Expect(page.Locator("#heart-rate").GetByText("zone 5 · maximum")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "member-home-live");
    }

    [SkippableFact]
    public async Task A_chart_call_that_reaches_the_browser_after_its_element_is_gone_does_nothing_and_the_page_lives_on()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync();
        var dashboard = fixture.Endpoint("dashboard").ToString().TrimEnd('/');
        var username = $"gone{Guid.NewGuid():N}"[..13];
        await BrowserSession.SignUpAsync(page, dashboard, username, "a long password");
        await BrowserSession.LogInAsync(page, dashboard, username, "a long password");
        await Assertions.Expect(page.Locator(".apexcharts-canvas")).ToHaveCountAsync(6);

        // As the server's call arrives when the page has navigated on: Blazor hands the script a null element, or one no
        // longer in the document. A throw ("Invalid value used as weak map key") or a refused draw ("Element not found")
        // failed the server's call and ended the page's circuit, and with it the page the member had moved to.
        var outcome = await page.EvaluateAsync<string>("""
            async () => {
              const spec = { title: 't', kind: 'bar', categories: ['a'], series: [{ name: 's', data: [1] }] };
              const detached = document.createElement('div');
              try {
                for (const element of [null, detached]) {
                  await gymiotCharts.render(element, spec);
                  await gymiotCharts.update(element, spec);
                  gymiotCharts.destroy(element);
                }
                return 'nothing';
              } catch (e) {
                return 'threw: ' + e.message;
              }
            }
            """);

        Assert.Equal("nothing", outcome);
        await page.GetByRole(AriaRole.Link, new() { Name = "Profile" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Profile");
    }

    [SkippableFact]
    public async Task An_open_home_that_nothing_changes_for_makes_no_dynamodb_requests_and_a_reading_still_arrives()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync();
        var dashboard = fixture.Endpoint("dashboard").ToString().TrimEnd('/');
        var username = $"idle{Guid.NewGuid():N}"[..13];
        await BrowserSession.SignUpAsync(page, dashboard, username, "a long password");
        await BrowserSession.LogInAsync(page, dashboard, username, "a long password");
        await Assertions.Expect(page.Locator("[data-kpi='Today'] .kpi-value")).ToHaveTextAsync("0 kcal");

        // The dashboard's own count of its DynamoDB requests, exported every second: with the page open it stands still
        // for 5 s in a row (a page that read every second never would; the dashboard's heartbeat is one write in 30 s).
        var still = await Eventually.ValueAsync(async () =>
        {
            var before = fixture.Telemetry.Counter("dashboard", "gymiot.dynamodb.requests");
            await Task.Delay(TimeSpan.FromSeconds(5));
            return fixture.Telemetry.Counter("dashboard", "gymiot.dynamodb.requests") - before;
        }, requests => requests == 0, TimeSpan.FromSeconds(40));
        Assert.Equal(0, still);
        Assert.True(fixture.Telemetry.Counter("dashboard", "gymiot.dynamodb.requests") > 0, "the dashboard exports no count of its requests: nothing was measured");

        var burst = await fixture.SendBurstAsync(new BurstRequest(2, MemberIds: [username], IncludeReadings: true));
        var kcal = burst.Readings!.Sum(r => (decimal)r.Reading.CaloriesKcal);
        await Assertions.Expect(page.Locator("[data-kpi='Today'] .kpi-value")).ToHaveTextAsync($"{Math.Round(kcal, 1):0} kcal", new() { Timeout = 10_000 });
    }

    [SkippableFact]
    public async Task On_a_phone_the_home_fits_the_screen_and_log_out_is_in_reach()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync();
        var dashboard = fixture.Endpoint("dashboard").ToString().TrimEnd('/');
        var username = $"phone{Guid.NewGuid():N}"[..14];
        // A phone's screen from the first page on, as a member holding one sees the site.
        await page.SetViewportSizeAsync(375, 812);
        await BrowserSession.SignUpAsync(page, dashboard, username, "a long password");
        await BrowserSession.LogInAsync(page, dashboard, username, "a long password");
        await Assertions.Expect(page.Locator(".apexcharts-canvas")).ToHaveCountAsync(6);

        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var logOut = await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).BoundingBoxAsync();

        Assert.True(width <= 375, $"the page is {width} px wide on a 375 px screen");
        Assert.NotNull(logOut);
        Assert.InRange(logOut.X + logOut.Width, 0, 375);
        await BrowserSession.ScreenshotAsync(page, "member-home-phone");
    }
}
