using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GymIoT.Tests.Browser;

/// <summary>
/// Headless Debian Chromium driven by Playwright (which cannot download browsers here). Where no Chromium is installed the
/// browser tests are reported as skipped, never as passed. One Chromium serves the whole run (starting one per test cost
/// the two cores more than the pages did); each session has contexts of its own, closed when it ends, so no test sees
/// another's cookies.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Launching = new(1, 1);
    private static IPlaywright? s_playwright;
    private static IBrowser? s_browser;

    private readonly IBrowser _browser;
    private readonly List<IBrowserContext> _contexts = [];

    private BrowserSession(IBrowser browser) => _browser = browser;

    public static async Task<BrowserSession> StartAsync()
    {
        Skip.IfNot(File.Exists(ChromiumPath), $"No Chromium at {ChromiumPath} (apt-get install chromium): browser test skipped.");
        return new BrowserSession(await SharedBrowserAsync());
    }

    /// <summary>A context of its own (cookies, storage), tall enough for the whole member home by default.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        var context = await _browser.NewContextAsync(options ?? new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1300, Height = 1800 } });
        _contexts.Add(context);
        return context;
    }

    /// <summary>A new tab in a context of its own, patient with navigations on a busy two-core machine.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        page.SetDefaultNavigationTimeout(60_000);
        return page;
    }

    private static async Task<IBrowser> SharedBrowserAsync()
    {
        await Launching.WaitAsync();
        try
        {
            if (s_browser is { IsConnected: true })
            {
                return s_browser;
            }
            if (s_playwright is null)
            {
                s_playwright = await Playwright.CreateAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => CloseSharedBrowser();
            }
            s_browser = await s_playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
            });
            return s_browser;
        }
        finally
        {
            Launching.Release();
        }
    }

    private static void CloseSharedBrowser()
    {
        s_browser?.CloseAsync().Wait(TimeSpan.FromSeconds(10));
        s_playwright?.Dispose();
    }

    /// <summary>Fills in and sends the sign-up form, then waits for the log-in page it leads to.</summary>
    public static async Task SignUpAsync(IPage page, string dashboard, string username, string password)
    {
        await page.GotoAsync($"{dashboard}/account/signup");
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Web");
        await page.GetByLabel("Surname").FillAsync("Member");
        await page.GetByLabel("Sex").SelectOptionAsync("Female");
        await page.GetByLabel("Date of birth").FillAsync("1991-05-05");
        await page.GetByLabel("Weight (kg)").FillAsync("62");
        await page.GetByLabel("Height (cm)").FillAsync("170");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Password again").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await ArriveAsync(page, "**/account/login", "Log in");
    }

    /// <summary>Fills in and sends the log-in form of the page it is on (opening it first if need be).</summary>
    public static async Task SubmitLogInAsync(IPage page, string dashboard, string username, string password)
    {
        if (!page.Url.Contains("/account/login", StringComparison.Ordinal))
        {
            await page.GotoAsync($"{dashboard}/account/login");
        }
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
    }

    /// <summary>Logs in and waits for the member home.</summary>
    public static async Task LogInAsync(IPage page, string dashboard, string username, string password)
    {
        await SubmitLogInAsync(page, dashboard, username, password);
        await ArriveAsync(page, $"{dashboard}/", "Hello ");
    }

    /// <summary>
    /// Waits until the tab has moved to <paramref name="url"/> and shows the page's heading. It does not wait for the
    /// document's load event: on a busy machine that can lag far behind a page already drawn. When the tab does not get
    /// there it says where it is and what the page says, which is what a failing test needs.
    /// </summary>
    public static async Task ArriveAsync(IPage page, string url, string heading)
    {
        try
        {
            // The address is polled, not waited for with WaitForURLAsync: when the tab is already there, that waits for
            // the load event whatever WaitUntil says (playwright-dotnet#3365), and timed out on a page drawn long before.
            await Assertions.Expect(page).ToHaveURLAsync(Glob(url), new() { Timeout = 60_000 });
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(heading, new() { Timeout = 30_000 });
        }
        catch (Exception waiting) when (waiting is TimeoutException or PlaywrightException)
        {
            var says = await page.Locator("[role=alert], .validation-message, .validation-errors").AllInnerTextsAsync();
            await ScreenshotAsync(page, $"not-arrived-{Guid.NewGuid():N}"[..20]);
            throw new TimeoutException($"The tab did not reach {url} showing '{heading}': it is at {page.Url} and says [{string.Join(" | ", says)}].", waiting);
        }
    }

    /// <summary>A Playwright address glob as a pattern: <c>**</c> any text, <c>*</c> any text within one path segment.</summary>
    private static Regex Glob(string url) =>
        new("^" + Regex.Escape(url).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$");

    /// <summary>Saves a screenshot under the test output, in <c>screenshots/</c>.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }
}
