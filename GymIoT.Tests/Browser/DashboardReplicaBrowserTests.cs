using GymIoT.DeviceSimulator;
using GymIoT.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GymIoT.Tests.Browser;

/// <summary>Two dashboard replicas, as behind the load balancer on AWS, each reached at its own address.</summary>
[Trait(TestKind.Category, TestKind.Browser)]
[Collection(ReplicaCollection.Name)]
public sealed class DashboardReplicaBrowserTests(ReplicaFixture fixture)
{
    [SkippableFact]
    public async Task A_member_signed_in_on_one_dashboard_replica_is_signed_in_on_the_other_and_both_show_a_reading_live()
    {
        await using var browser = await BrowserSession.StartAsync();
        var replicas = await fixture.ReplicasOfAsync("dashboard", CancellationToken.None);
        var (first, second) = (fixture.DashboardReplicaUrl(replicas[0]), fixture.DashboardReplicaUrl(replicas[1]));
        Assert.NotEqual(first, second);
        var context = await browser.NewContextAsync();
        var username = $"twin{Guid.NewGuid():N}"[..13];

        // Signed up and in on the first; the second reads the same session cookie with the key ring they share.
        var onFirst = await context.NewPageAsync();
        onFirst.SetDefaultNavigationTimeout(60_000);
        await BrowserSession.SignUpAsync(onFirst, first, username, "a long password");
        await BrowserSession.LogInAsync(onFirst, first, username, "a long password");
        var onSecond = await context.NewPageAsync();
        onSecond.SetDefaultNavigationTimeout(60_000);
        await onSecond.GotoAsync($"{second}/");
        await BrowserSession.ArriveAsync(onSecond, $"{second}/", "Hello ");
        foreach (var page in new[] { onFirst, onSecond })
        {
            await Assertions.Expect(page.Locator("[data-kpi='Today'] .kpi-value")).ToHaveTextAsync("0 kcal");
        }

        // Each replica has its own queue of live notices: a reading reaches the page open on each.
        var burst = await fixture.SendBurstAsync(new BurstRequest(3, MemberIds: [username], IncludeReadings: true));
        var kcal = Math.Round(burst.Readings!.Sum(r => (decimal)r.Reading.CaloriesKcal), 1);
        foreach (var (page, replica) in new[] { (onFirst, replicas[0]), (onSecond, replicas[1]) })
        {
            try
            {
                await Assertions.Expect(page.Locator("[data-kpi='Today'] .kpi-value")).ToHaveTextAsync($"{kcal:0} kcal", new() { Timeout = 30_000 });
            }
            catch (PlaywrightException missed)
            {
                throw new Xunit.Sdk.XunitException($"The page on {replica} did not show the reading: {missed.Message}{Environment.NewLine}{await fixture.LogsOfAsync("dashboard", "aggregator")}");
            }
        }
        await BrowserSession.ScreenshotAsync(onSecond, "member-home-second-replica");
    }
}
