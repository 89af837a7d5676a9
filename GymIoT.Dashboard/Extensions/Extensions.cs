using GymIoT.Core.Coaching;
using System.Globalization;
using System.Threading.RateLimiting;
using GymIoT.Core.Hosting;
using GymIoT.Core.Mail;
using GymIoT.Core.Members;
using GymIoT.Core.Storage;
using GymIoT.Dashboard.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using GymIoT.Dashboard.Security;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace GymIoT.Dashboard.Extensions;

public static class Extensions
{
    public const string ServiceName = "GymIoT.Dashboard";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddGymIoTCore(ServiceName);

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/account/login";
                options.AccessDeniedPath = "/account/denied";
                options.Cookie.Name = "GymIoT.Session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                // Outside Development the dashboard is served over HTTPS (behind a proxy that says so): never send the cookie in clear.
                options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                // A cookie stands only while its session and its account's grounds do (logged out, locked, deleted, role changed).
                options.Events.OnValidatePrincipal = async context =>
                {
                    if (!await context.HttpContext.RequestServices.GetRequiredService<SessionCheck>().IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
            });
        builder.Services.AddOptions<AccountSessionOptions>()
            .BindConfiguration(AccountSessionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<AccountSessionStore>();
        builder.Services.AddSingleton<SessionCheck>();
        builder.Services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Staff, policy => policy.RequireRole(Roles.Staff));

        builder.AddSharedKeyRing();
        builder.AddTrustedProxy();
        builder.AddPublicSite();

        builder.Services.AddOptions<AccountRateLimitOptions>()
            .BindConfiguration(AccountRateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<AccountRateLimitOptions>>((options, limits) =>
            {
                options.GlobalLimiter = AccountRateLimits.Create(limits.Value);
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.OnRejected = async (context, cancellationToken) =>
                {
                    var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                    await context.HttpContext.Response.WriteAsync(AccountRateLimits.Refusal, cancellationToken);
                };
            });
        builder.Services.AddScoped<CircuitHandler, LiveCircuits>();
        builder.Services.AddScoped<Live.CircuitConnection>();
        builder.Services.AddScoped<CircuitHandler>(services => services.GetRequiredService<Live.CircuitConnection>());

        builder.Services.AddSingleton<IPasswordHasher<Member>, PasswordHasher<Member>>();
        builder.Services.AddSingleton<AccountService>();
        builder.Services.AddSingleton<AccountStore>();
        builder.Services.AddSingleton<ThrottleStore>();
        builder.Services.AddSmtpMail();
        builder.Services.AddSingleton<EmailLinkTokens>();
        builder.Services.AddSingleton<EmailConfirmation>();
        builder.Services.AddSingleton<MemberActivityReader>();
        builder.Services.AddSingleton<Staff.DeviceActivityReader>();
        builder.Services.AddSingleton<Staff.MemberDirectory>();
        builder.Services.AddSingleton<Staff.AccountAdministration>();
        builder.Services.AddSingleton<MemberData.MemberDataExport>();
        builder.Services.AddSingleton<MemberData.AccountErasure>();
        builder.Services.AddHostedService<MemberData.PendingErasures>();
        builder.Services.AddTrainingCards();
        builder.Services.AddSingleton<AlertStore>();
        builder.Services.AddSingleton<CoachSessionStore>();
        builder.Services.AddSingleton<Live.MemberChanges>();
        builder.Services.AddHostedService<Live.LiveFeed>();
        builder.Services.AddOptions<DemoAccountOptions>().BindConfiguration(DemoAccountOptions.SectionName);
        builder.Services.AddOptions<Staff.StaffToolsOptions>().BindConfiguration(Staff.StaffToolsOptions.SectionName);
        builder.Services.AddHostedService<DemoAccountSeeder>();
    }
}
