namespace GymIoT.Dashboard.Security;

/// <summary>
/// Where members reach the dashboard (section <c>Dashboard</c>): every link GymIoT sends starts with
/// <see cref="PublicUrl"/>, never with the address a request claims, and the dashboard answers to its host alone (and to
/// those <c>AllowedHosts</c> adds).
/// </summary>
public sealed class PublicSiteOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>The dashboard's public address, e.g. <c>https://gym.example.com</c>.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>More host names it answers to, separated by <c>;</c> (ASP.NET's own <c>AllowedHosts</c> setting).</summary>
    public string? AllowedHosts { get; set; }

    public Uri BaseUrl => new(PublicUrl!.TrimEnd('/') + "/");

    /// <returns>Null when <see cref="PublicUrl"/> is an http(s) address of a site's root, else what is wrong.</returns>
    public string? Problem() =>
        !Uri.TryCreate(PublicUrl, UriKind.Absolute, out var url) ? $"{SectionName}:{nameof(PublicUrl)} must be the dashboard's public address, e.g. https://gym.example.com (it is '{PublicUrl}')."
        : url.Scheme is not ("https" or "http") ? $"{SectionName}:{nameof(PublicUrl)} must be an http or https address (it is '{PublicUrl}')."
        : url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0 ? $"{SectionName}:{nameof(PublicUrl)} must have no user, query or fragment (it is '{PublicUrl}')."
        : null;
}
