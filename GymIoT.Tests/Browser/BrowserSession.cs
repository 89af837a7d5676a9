using Microsoft.Playwright;

namespace GymIoT.Tests.Browser;

/// <summary>
/// Headless Debian Chromium driven by Playwright (which cannot download browsers here). Where no Chromium is installed the
/// browser tests are reported as skipped, never as passed.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static async Task<BrowserSession> StartAsync()
    {
        Skip.IfNot(File.Exists(ChromiumPath), $"No Chromium at {ChromiumPath} (apt-get install chromium): browser test skipped.");
        var session = new BrowserSession { _playwright = await Playwright.CreateAsync() };
        session.Browser = await session._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        return session;
    }

    /// <summary>Saves a screenshot under the test output, in <c>screenshots/</c>.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
