using System.Net;
using System.Text.RegularExpressions;

namespace GymIoT.TestSupport;

/// <summary>A browser-like HTTP session with the dashboard: cookies kept, redirects visible, forms posted with their antiforgery token.</summary>
public sealed partial class DashboardSession : IDisposable
{
    private readonly Uri _dashboard;

    private readonly CookieContainer _cookies = new();

    private readonly HttpClient _http;

    /// <param name="headers">Sent with every request, e.g. the <c>X-Forwarded-For</c> a load balancer would add.</param>
    public DashboardSession(Uri dashboard, IReadOnlyDictionary<string, string>? headers = null)
    {
        _dashboard = dashboard;
        _http = new(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = dashboard };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            _http.DefaultRequestHeaders.Add(name, value);
        }
    }

    /// <summary>The session's cookies as a <c>Cookie</c> header, for a connection this session does not make itself (the live page's).</summary>
    public string CookieHeader => _cookies.GetCookieHeader(_dashboard);

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public async Task<string> PageAsync(string path)
    {
        var response = await _http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Opens the page with the form, then posts it as the browser would (to <paramref name="action"/>, else to the page).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, string? formName, IDictionary<string, string> fields, string? action = null)
    {
        var page = await PageAsync(path);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        if (formName is not null)
        {
            form["_handler"] = formName;
        }
        return await _http.PostAsync(action ?? path, new FormUrlEncodedContent(form));
    }

    public Task<HttpResponseMessage> LogOutAsync() => SubmitAsync("/", null, new Dictionary<string, string>(), "/account/logout");

    /// <summary>A form post without the antiforgery token, as a forged cross-site request would send it.</summary>
    public Task<HttpResponseMessage> PostWithoutTokenAsync(string path) => _http.PostAsync(path, new FormUrlEncodedContent([]));

    public async Task<HttpResponseMessage> LogInAsync(string username, string password) =>
        await SubmitAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Username"] = username, ["Input.Password"] = password });

    public async Task<HttpResponseMessage> SignUpAsync(string username, string password) =>
        await SubmitAsync("/account/signup", "signup", new Dictionary<string, string>
        {
            ["Input.Username"] = username,
            ["Input.Name"] = "Test",
            ["Input.Surname"] = username,
            ["Input.Sex"] = "Female",
            ["Input.BirthDate"] = "1992-02-02",
            ["Input.WeightKg"] = "61",
            ["Input.HeightCm"] = "168",
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    /// <summary>A request with a copied cookie header, from a client that keeps no cookie of its own: a cookie replayed.</summary>
    public static async Task<HttpResponseMessage> ReplayAsync(Uri dashboard, string cookie, string path)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = dashboard };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    /// <summary>The text of each KPI card value on the member home, e.g. <c>["1234 kcal", "95", "5678 kcal"]</c>.</summary>
    public static IReadOnlyList<string> KpiValues(string page) => [.. KpiValue().Matches(page).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("class=\"kpi-value\">([^<]*)<")]
    private static partial Regex KpiValue();

    public void Dispose() => _http.Dispose();
}
