using GymIoT.Dashboard.Accounts;
using GymIoT.Dashboard.Components;
using GymIoT.Dashboard.Extensions;
using GymIoT.Dashboard.MemberData;
using GymIoT.Dashboard.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

// First, so that every limit, log and cookie below sees the client the trusted load balancer saw.
app.UseForwardedHeaders();
app.UsePublicHostOnly();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
app.MapDefaultEndpoints();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapAccountEndpoints();
app.MapMemberDataEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();
