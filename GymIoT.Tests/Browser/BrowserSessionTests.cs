using GymIoT.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GymIoT.Tests.Browser;

/// <summary>The browser tests' own helpers, on pages served by a route: no system needed.</summary>
[Trait(TestKind.Category, TestKind.Browser)]
public sealed class BrowserSessionTests
{
    [SkippableFact]
    public async Task A_tab_already_at_the_address_arrives_without_waiting_for_its_load_event()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.NewPageAsync();
        // The page's image is never answered, so the page never reaches its load event: as a page drawn on a busy
        // machine may not for a long while.
        await page.RouteAsync("http://gym.test/**", async route =>
        {
            if (route.Request.Url.EndsWith(".png", StringComparison.Ordinal))
            {
                return;
            }
            await route.FulfillAsync(new() { ContentType = "text/html", Body = "<h1>Hello Ada</h1><img src='/never.png'>" });
        });
        await page.GotoAsync("http://gym.test/", new() { WaitUntil = WaitUntilState.Commit });

        var arriving = BrowserSession.ArriveAsync(page, "http://gym.test/", "Hello ");

        // Before: Playwright waited for the load event when the address already matched (60 s, then a timeout).
        Assert.Same(arriving, await Task.WhenAny(arriving, Task.Delay(TimeSpan.FromSeconds(20))));
        await arriving;
    }
}
