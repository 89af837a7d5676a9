using GymIoT.Core.Queues;
using GymIoT.Core.Readings;
using GymIoT.DeviceSimulator.Faults;
using GymIoT.Tests.Infrastructure;
using Microsoft.Playwright;
using GymIoT.Core.Machines;

namespace GymIoT.Tests.Browser;

/// <summary>The coach's alerts reaching a member's open page in a real browser.</summary>
[Trait(TestKind.Category, TestKind.Browser)]
[Collection(PipelineCollection.Name)]
public sealed class AlertsBrowserTests(PipelineFixture fixture) : IDisposable
{
    private readonly QueueProbe _queues = new(fixture.Aws.CreateSqsClient());

    private string Dashboard => fixture.Endpoint("dashboard").ToString().TrimEnd('/');

    [SkippableFact]
    public async Task A_member_training_out_of_sequence_sees_the_alert_on_the_open_page_and_in_the_alerts_history()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync();
        var username = $"alert{Guid.NewGuid():N}"[..14];
        await BrowserSession.SignUpAsync(page, Dashboard, username, "a long password");
        await BrowserSession.LogInAsync(page, Dashboard, username, "a long password");
        // The live page is up once its first refresh has drawn the charts.
        await Assertions.Expect(page.Locator(".apexcharts-canvas")).ToHaveCountAsync(6);

        var ended = DateTimeOffset.UtcNow.AddSeconds(-5);
        ended = new DateTimeOffset(ended.Ticks - ended.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var reading = new Reading(Guid.NewGuid().ToString("N"), "elliptical-bike-02", MachineCatalogue.EllipticalBike.Name, username, ended.AddMinutes(-12), ended, 720, 70);
        await _queues.SendAsync(MachineCatalogue.EllipticalBike.Name, Misreadings.GoodBody(reading));

        var toast = page.Locator("[data-alert-toast]");
        await Assertions.Expect(toast).ToContainTextAsync("Out of sequence", new() { Timeout = 30_000 });
        await Assertions.Expect(toast).ToContainTextAsync("next is the Cyclette (15 min)");
        await BrowserSession.ScreenshotAsync(page, "member-alert-toast");
        await toast.GetByRole(AriaRole.Link, new() { Name = "All alerts" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Alerts");
        await Assertions.Expect(page.Locator("[data-alert='OutOfSequence']")).ToHaveCountAsync(1);

        // The next alert appears on whichever of the member's pages is open: here, the alerts page.
        var spin = reading with { ReadingId = Guid.NewGuid().ToString("N"), DeviceId = "spin-bike-01", Machine = MachineCatalogue.SpinBike.Name, StartedAt = ended.AddMinutes(-6), EndedAt = ended.AddMinutes(-1), DurationSeconds = 300, CaloriesKcal = 50 };
        await _queues.SendAsync(MachineCatalogue.SpinBike.Name, Misreadings.GoodBody(spin));
        await Assertions.Expect(page.Locator("[data-alert-toast]")).ToContainTextAsync("The Spin bike is not your card's next step", new() { Timeout = 30_000 });

        // Staff see the member's alerts beside their card.
        var staff = await browser.NewPageAsync();
        await BrowserSession.LogInAsync(staff, Dashboard, "staff", "GymIoT-demo-1");
        await staff.GotoAsync($"{Dashboard}/staff/cards");
        await Assertions.Expect(staff.Locator("tr[data-card]").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await staff.GetByLabel("Member", new() { Exact = true }).FillAsync(username);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(staff.Locator("[data-member-alerts] li", new() { HasText = "Out of sequence: The Elliptical bike is not your card's next step" }))
            .ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Assertions.Expect(staff.Locator("[data-member-alerts] li")).ToHaveCountAsync(2);
    }

    [SkippableFact]
    public async Task One_reading_that_raises_two_alerts_shows_both_the_days_cap_first_each_dismissed_on_its_own()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync();
        var username = $"both{Guid.NewGuid():N}"[..14];
        await BrowserSession.SignUpAsync(page, Dashboard, username, "a long password");
        await BrowserSession.LogInAsync(page, Dashboard, username, "a long password");
        await Assertions.Expect(page.Locator(".apexcharts-canvas")).ToHaveCountAsync(6);

        // The starter card has no Spin bike and a 60-minute cap: 70 minutes on it are out of sequence and over the cap.
        var ended = DateTimeOffset.UtcNow.AddSeconds(-5);
        ended = new DateTimeOffset(ended.Ticks - ended.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var reading = new Reading(Guid.NewGuid().ToString("N"), "spin-bike-03", MachineCatalogue.SpinBike.Name, username, ended.AddMinutes(-70), ended, 4200, 600);
        await _queues.SendAsync(MachineCatalogue.SpinBike.Name, Misreadings.GoodBody(reading));

        var toasts = page.Locator("[data-alert-toast]");
        await Assertions.Expect(toasts).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Assertions.Expect(toasts.Nth(0)).ToHaveAttributeAsync("data-alert-toast", "OverDailyCap");
        await Assertions.Expect(toasts.Nth(1)).ToHaveAttributeAsync("data-alert-toast", "OutOfSequence");
        await BrowserSession.ScreenshotAsync(page, "member-two-alert-toasts");
        await toasts.Nth(1).GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(toasts).ToHaveCountAsync(1);
        await Assertions.Expect(toasts).ToHaveAttributeAsync("data-alert-toast", "OverDailyCap");
    }

    [SkippableFact]
    public async Task A_member_who_confirms_an_address_and_switches_alert_emails_on_gets_each_alert_by_email_once()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync();
        var username = $"mail{Guid.NewGuid():N}"[..14];
        var address = $"{username}@example.com";
        await BrowserSession.SignUpAsync(page, Dashboard, username, "a long password");
        await BrowserSession.LogInAsync(page, Dashboard, username, "a long password");
        await page.GotoAsync($"{Dashboard}/profile");

        // The browser lets this through (type=email); GymIoT does not: a mail server on its own does not take it.
        await page.GetByLabel("Email address").FillAsync($"{username}@localhost");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send a confirmation link" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-errors")).ToContainTextAsync("This is not an email address");
        await page.GetByLabel("Email address").FillAsync(address);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send a confirmation link" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-email-notice]")).ToContainTextAsync($"We sent a link to {address}");
        await Assertions.Expect(page.Locator("[data-email-state]")).ToContainTextAsync("not confirmed yet");
        await Assertions.Expect(page.Locator("[data-alert-emails]")).ToHaveCountAsync(0);
        // A second link within the minute is refused: a form posted in a loop cannot flood the inbox.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send a confirmation link" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-email-notice]")).ToContainTextAsync("less than a minute ago");

        using var inbox = new MailInbox(fixture.Endpoint("maildev"));
        var letter = Assert.Single(await Eventually.ValueAsync(() => inbox.ToAsync(address), m => m.Count > 0, TimeSpan.FromSeconds(10)));
        var link = System.Text.RegularExpressions.Regex.Match(letter.Text, @"https?://\S+/profile/email/confirm\?token=\S+").Value;
        Assert.StartsWith(Dashboard, link, StringComparison.Ordinal);
        await page.GotoAsync(link[..^4] + "AAAA");
        await Assertions.Expect(page.Locator("[data-confirmed]")).ToContainTextAsync("does not confirm an address of yours");
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("[data-confirmed]")).ToContainTextAsync($"{address} is confirmed");

        await page.GotoAsync($"{Dashboard}/profile");
        await Assertions.Expect(page.Locator("[data-email-state]")).ToContainTextAsync("confirmed");
        await page.GetByRole(AriaRole.Switch, new() { Name = "Email me my alerts" }).CheckAsync();
        await page.Locator("[data-alert-emails]").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-email-notice]")).ToContainTextAsync("Your alerts will come by email too");
        await Assertions.Expect(page.GetByRole(AriaRole.Switch, new() { Name = "Email me my alerts" })).ToBeCheckedAsync();
        await BrowserSession.ScreenshotAsync(page, "member-profile-email");

        // The same reading sent twice (a sensor that repeats itself): one alert, one email.
        var ended = DateTimeOffset.UtcNow.AddSeconds(-5);
        ended = new DateTimeOffset(ended.Ticks - ended.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var reading = new Reading(Guid.NewGuid().ToString("N"), "spin-bike-03", MachineCatalogue.SpinBike.Name, username, ended.AddMinutes(-10), ended, 600, 90);
        await _queues.SendAsync(MachineCatalogue.SpinBike.Name, Misreadings.GoodBody(reading));
        await _queues.SendAsync(MachineCatalogue.SpinBike.Name, Misreadings.GoodBody(reading));
        var alertMail = Assert.Single(await Eventually.ValueAsync(() => inbox.ToAsync(address), m => m.Count > 1, TimeSpan.FromSeconds(30)), m => m.Subject != letter.Subject);
        Assert.Equal("[GymIoT] Out of sequence: The Spin bike is not your card's next step: next is the Cyclette (15 min).", alertMail.Subject);
        await Assertions.Expect(page.Locator("[data-alert-toast]")).ToContainTextAsync("Out of sequence");
        // Both deliveries are through the aggregator and the coach once the two queues were empty at one moment (a
        // reading leaves its machine queue only after it was handed to Coaching).
        await Eventually.ValueAsync(async () => await _queues.DepthAsync(MachineCatalogue.SpinBike.Name) + await _queues.DepthAsync(QueueNames.Coaching),
            depth => depth == 0, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50));
        Assert.Equal(2, (await inbox.ToAsync(address)).Count);
    }

    public void Dispose() => _queues.Dispose();
}
