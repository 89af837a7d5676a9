using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace GymIoT.Dashboard.Accounts;

public static class AccountEndpoints
{
    /// <summary><c>POST /account/logout</c>, from a form with its antiforgery token: ends the session, so its cookie works nowhere.</summary>
    public static void MapAccountEndpoints(this WebApplication app) =>
        app.MapPost("/account/logout", async Task<IResult> (HttpContext context, IAntiforgery antiforgery, SessionCheck sessions) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.BadRequest("The form has expired or did not come from this site: reload the page and try again.");
            }
            await sessions.EndAsync(context.User, context.RequestAborted);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.LocalRedirect("/account/login");
        })
        .DisableAntiforgery();
}
