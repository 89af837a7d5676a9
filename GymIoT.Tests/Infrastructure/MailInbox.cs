using System.Net.Http.Json;
using System.Text.Json;

namespace GymIoT.Tests.Infrastructure;

/// <summary>One email as maildev's REST API shows it.</summary>
public sealed record Mail(string Subject, string Text, string Html, IReadOnlyList<string> To);

/// <summary>maildev's inbox, read through its REST API (<c>GET /api/email</c>).</summary>
public sealed class MailInbox(Uri maildev) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = maildev };

    public async Task<IReadOnlyList<Mail>> AllAsync()
    {
        var emails = await _http.GetFromJsonAsync<JsonElement>("/api/email");
        return [.. emails.EnumerateArray().Select(e => new Mail(Text(e, "subject"), Text(e, "text"), Text(e, "html"), Recipients(e)))];
    }

    private static string[] Recipients(JsonElement email) =>
        email.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.Array
            ? [.. to.EnumerateArray().Select(r => Text(r, "address"))]
            : [];

    /// <summary>The emails sent to an address.</summary>
    public async Task<IReadOnlyList<Mail>> ToAsync(string address) =>
        [.. (await AllAsync()).Where(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase))];

    private static string Text(JsonElement email, string property) =>
        email.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    /// <summary>The emails that mention a text (e.g. a device id made up for one test).</summary>
    public async Task<IReadOnlyList<Mail>> MentioningAsync(string text) =>
        [.. (await AllAsync()).Where(m => m.Text.Contains(text, StringComparison.Ordinal))];

    public void Dispose() => _http.Dispose();
}
