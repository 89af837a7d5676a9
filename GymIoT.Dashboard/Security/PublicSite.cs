using Microsoft.Extensions.Options;

namespace GymIoT.Dashboard.Security;

/// <summary>
/// The dashboard's own address: links are built from <see cref="PublicSiteOptions.PublicUrl"/>, and a request for any
/// other host is refused (400), in Development too, where only the loopback names are added: a page whose name was made
/// to resolve to this machine (DNS rebinding) gets nothing. <c>/alive</c> answers any host, as the load balancer's
/// probe comes with the task's own address as its host.
/// </summary>
public static class PublicSite
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    public static void AddPublicSite(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublicSiteOptions>()
            .BindConfiguration(PublicSiteOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) => options.AllowedHosts ??= configuration["AllowedHosts"])
            .Validate(options => options.Problem() is null, $"{PublicSiteOptions.SectionName}:{nameof(PublicSiteOptions.PublicUrl)} must be the dashboard's public http(s) address, e.g. https://gym.example.com.")
            .ValidateOnStart();
        // ASP.NET's own host filter would refuse the load balancer's probe as well: this one takes its place.
        builder.Services.PostConfigure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(options => options.AllowedHosts = ["*"]);
    }

    public static IApplicationBuilder UsePublicHostOnly(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PublicSiteOptions>>().Value;
        var allowed = HostsOf(options, app.Environment.IsDevelopment());
        return app.Use(async (context, next) =>
        {
            if (allowed.Contains(context.Request.Host.Host) || context.Request.Path.Equals(Microsoft.Extensions.Hosting.Extensions.AlivenessEndpointPath, StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("This site answers to its own address only.");
        });
    }

    public static IReadOnlySet<string> HostsOf(PublicSiteOptions options, bool development) =>
        new HashSet<string>(
            [
                options.BaseUrl.Host,
                .. (options.AllowedHosts ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(h => h != "*"),
                .. development ? LoopbackNames : [],
            ],
            StringComparer.OrdinalIgnoreCase);
}
