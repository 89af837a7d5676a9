using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Takes secrets out of the URLs that HTTP client spans record before they are exported: APIs such as IFTTT's Maker
/// webhook carry the key as a path segment (<c>…/with/key/{key}</c>), which the runtime's own redaction (query strings
/// only) leaves in place.
/// </summary>
public sealed partial class SecretUrlRedaction : BaseProcessor<Activity>
{
    public const string Redacted = "REDACTED";

    private static readonly string[] UrlTags = ["url.full", "http.url"];

    public override void OnEnd(Activity activity)
    {
        foreach (var tag in UrlTags)
        {
            if (activity.GetTagItem(tag) is string url && Redact(url) is var redacted && !ReferenceEquals(redacted, url))
            {
                activity.SetTag(tag, redacted);
            }
        }
    }

    /// <summary>The URL with the segment after every <c>/key/</c> replaced; the same instance when there is none.</summary>
    public static string Redact(string url) => KeySegment().Replace(url, "$1" + Redacted);

    [GeneratedRegex("(/key/)[^/?#]+", RegexOptions.IgnoreCase)]
    private static partial Regex KeySegment();
}
