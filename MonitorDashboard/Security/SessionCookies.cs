using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace MonitorDashboard.Security;

/// <summary>
/// The cookie handler's events: every request's session is checked by <see cref="SessionPrincipals.Check"/> (the same rule
/// live dashboards use) and recorded in <see cref="SessionRegistry"/> with its expiry, renewals included.
/// </summary>
internal static class SessionCookies
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (context.Principal is not { } principal || services.GetRequiredService<SessionPrincipals>().Check(principal, live: false) != SessionCheck.Valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        var time = services.GetRequiredService<TimeProvider>();
        var expires = context.Properties.ExpiresUtc ?? time.GetUtcNow() + context.Options.ExpireTimeSpan;
        services.GetRequiredService<SessionRegistry>().Seen(principal.FindFirstValue(SessionPrincipals.SessionClaim)!, expires);
    }

    public static Task OnRenewal(CookieSlidingExpirationContext context)
    {
        if (context.ShouldRenew && context.Principal?.FindFirstValue(SessionPrincipals.SessionClaim) is { } sessionId)
        {
            var services = context.HttpContext.RequestServices;
            var renewed = services.GetRequiredService<TimeProvider>().GetUtcNow() + context.Options.ExpireTimeSpan;
            services.GetRequiredService<SessionRegistry>().Seen(sessionId, renewed);
        }
        return Task.CompletedTask;
    }

    /// <summary>Ends the signed-in session of this request everywhere: its cookie and any dashboard open with it.</summary>
    public static void SignOutEverywhere(HttpContext context)
    {
        if (context.User.FindFirstValue(SessionPrincipals.SessionClaim) is not { } sessionId)
        {
            return;
        }
        var services = context.RequestServices;
        var lifetime = services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme).ExpireTimeSpan;
        services.GetRequiredService<SessionRegistry>().SignOut(sessionId, services.GetRequiredService<TimeProvider>().GetUtcNow() + lifetime);
    }
}
