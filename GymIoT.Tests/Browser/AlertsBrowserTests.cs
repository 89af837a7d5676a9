using GymIoT.Core.Queues;
using GymIoT.Core.Readings;
using GymIoT.DeviceSimulator.Faults;
using GymIoT.Tests.Infrastructure;
using Microsoft.Playwright;

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
        var reading = new Reading(Guid.NewGuid().ToString("N"), "elliptical-bike-02", QueueNames.EllipticalBike, username, ended.AddMinutes(-12), ended, 720, 70);
        await _queues.SendAsync(QueueNames.EllipticalBike, Misreadings.GoodBody(reading));

        var toast = page.Locator("[data-alert-toast]");
        await Assertions.Expect(toast).ToContainTextAsync("Out of sequence", new() { Timeout = 30_000 });
        await Assertions.Expect(toast).ToContainTextAsync("next is the Cyclette (15 min)");
        await BrowserSession.ScreenshotAsync(page, "member-alert-toast");
        await toast.GetByRole(AriaRole.Link, new() { Name = "All alerts" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Alerts");
        await Assertions.Expect(page.Locator("[data-alert='OutOfSequence']")).ToHaveCountAsync(1);

        // The next alert appears on whichever of the member's pages is open: here, the alerts page.
        var spin = reading with { ReadingId = Guid.NewGuid().ToString("N"), DeviceId = "spin-bike-01", Machine = QueueNames.SpinBike, StartedAt = ended.AddMinutes(-6), EndedAt = ended.AddMinutes(-1), DurationSeconds = 300, CaloriesKcal = 50 };
        await _queues.SendAsync(QueueNames.SpinBike, Misreadings.GoodBody(spin));
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

    public void Dispose() => _queues.Dispose();
}
