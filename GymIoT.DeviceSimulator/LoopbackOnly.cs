namespace GymIoT.DeviceSimulator;

/// <summary>
/// The operator endpoints answer this machine's own tools only, as the emulators do: a request whose <c>Host</c> is not a
/// loopback name (a page whose own name was made to resolve to 127.0.0.1, DNS rebinding) or that a web page of another
/// origin sends (<c>Origin</c>) is refused with 403. The AppHost's commands, the tests and curl send no <c>Origin</c>.
/// </summary>
public sealed class LoopbackOnly : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        IsOwn(context.HttpContext.Request)
            ? await next(context)
            : TypedResults.Problem("Requests from web pages of other origins, or for another host, are refused.", statusCode: StatusCodes.Status403Forbidden);

    public static bool IsOwn(HttpRequest request)
    {
        var host = request.Host.Host.ToLowerInvariant();
        var loopback = host is "localhost" or "[::1]" || host.EndsWith(".localhost", StringComparison.Ordinal)
            || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));
        if (!loopback)
        {
            return false;
        }
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
            || (Uri.TryCreate(origin, UriKind.Absolute, out var page) && page.Scheme is "http" or "https"
                && string.Equals(page.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
