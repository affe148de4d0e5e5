namespace MonitorDashboard.Security;

/// <summary>
/// Headers on every response, static files and redirects included. The policy is what Blazor Server and MudBlazor need
/// and no more: no inline or eval'd script (blazor.web.js needs neither on the server), inline styles (MudBlazor
/// sets style attributes and a theme &lt;style&gt;), same-origin WebSocket for the circuit ('self' covers ws: to the
/// same host in CSP 3 browsers), and same-origin frames only (the sandboxed email preview is a srcdoc iframe).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // no-referrer: a sign-in URL with its token must never travel to another site in a Referer header.
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
}
