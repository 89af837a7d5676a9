using GymIoT.Core.Hosting;
using GymIoT.Core.Members;
using GymIoT.Dashboard.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

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
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Staff, policy => policy.RequireRole(Roles.Staff));

        builder.Services.AddSingleton<IPasswordHasher<Member>, PasswordHasher<Member>>();
        builder.Services.AddSingleton<AccountService>();
        builder.Services.AddOptions<DemoAccountOptions>().BindConfiguration(DemoAccountOptions.SectionName);
        builder.Services.AddOptions<Staff.StaffToolsOptions>().BindConfiguration(Staff.StaffToolsOptions.SectionName);
        builder.Services.AddHostedService<DemoAccountSeeder>();
    }
}
