using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace MonitorDashboard.Security;

/// <summary>
/// <c>GET/POST /signin</c> (form, or <c>?token=</c>), <c>POST /signout</c> and <c>/signin/denied</c>: minimal endpoints
/// rendering plain HTML, antiforgery-checked, rate-limited, and redirecting only to local paths.
/// </summary>
internal static partial class SignInEndpoints
{
    public const string RateLimitPolicy = "signin";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").AllowAnonymous();
        group.MapGet("/signin", ShowAsync);
        group.MapPost("/signin", SubmitAsync).RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
        group.MapPost("/signout", SignOutAsync).DisableAntiforgery();
        group.MapGet("/signin/denied", (HttpContext context) =>
            Html(SignInPage.RenderDenied(context.User.Identity?.Name), StatusCodes.Status403Forbidden));
    }

    // Antiforgery is checked by hand below (DisableAntiforgery only stops the framework's own check, which would
    // answer a bare 400 before we could render the form again).
    private static async Task<IResult> ShowAsync(HttpContext context, string? token, string? returnUrl, SessionPrincipals principals, SignInThrottle throttle, ILoggerFactory loggers)
    {
        if (token is null)
        {
            return Form(context, principals, returnUrl, null, null, StatusCodes.Status200OK);
        }
        var address = context.Connection.RemoteIpAddress;
        if (throttle.RetryAfter(address, null) is { } wait)
        {
            return TooMany(context, principals, returnUrl, null, wait);
        }
        if (principals.VerifyToken(token) is not { } user)
        {
            throttle.RecordFailure(address, null);
            // The wrong value is never logged: it may be the right token with a typo.
            LogWrongToken(loggers.CreateLogger(typeof(SignInEndpoints)), context.Connection.RemoteIpAddress);
            return Form(context, principals, returnUrl, null, "This sign-in link is not valid (the app makes a new one at every start).", StatusCodes.Status401Unauthorized);
        }
        throttle.RecordSuccess(address, null);
        await SignInAsync(context, user);
        // Straight to "/" so the token leaves the address bar and the browser history keeps only the redirect.
        return Results.LocalRedirect("/");
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, IAntiforgery antiforgery, SessionPrincipals principals, SignInThrottle throttle, ILoggerFactory loggers)
    {
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return Form(context, principals, null, null, "The form expired. Please sign in again.", StatusCodes.Status400BadRequest);
        }
        var form = await context.Request.ReadFormAsync();
        var returnUrl = ReturnUrls.OrHome(form["returnUrl"]);
        var userName = form["userName"].ToString().Trim();
        var address = context.Connection.RemoteIpAddress;
        // Token mode has no user names: the address alone is counted.
        var throttledName = principals.UsesStartupToken ? null : userName;
        if (throttle.RetryAfter(address, throttledName) is { } wait)
        {
            return TooMany(context, principals, returnUrl, userName, wait);
        }

        var user = principals.UsesStartupToken
            ? principals.VerifyToken(form["token"])
            : principals.VerifyPassword(userName, form["password"].ToString());
        if (user is null)
        {
            throttle.RecordFailure(address, throttledName);
            LogFailed(loggers.CreateLogger(typeof(SignInEndpoints)), principals.UsesStartupToken ? "(token)" : userName, context.Connection.RemoteIpAddress);
            var message = principals.UsesStartupToken ? "Wrong token." : "Wrong user name or password.";
            return Form(context, principals, returnUrl, userName, message, StatusCodes.Status401Unauthorized);
        }
        throttle.RecordSuccess(address, throttledName);
        await SignInAsync(context, user);
        LogSignedIn(loggers.CreateLogger(typeof(SignInEndpoints)), user.Identity!.Name, user.FindFirstValue(ClaimTypes.Role));
        return Results.LocalRedirect(returnUrl);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }
        SessionCookies.SignOutEverywhere(context);
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect("/signin");
    }

    private static Task SignInAsync(HttpContext context, ClaimsPrincipal user) =>
        context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, user, new AuthenticationProperties { IsPersistent = false });

    private static IResult TooMany(HttpContext context, SessionPrincipals principals, string? returnUrl, string? userName, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Form(context, principals, returnUrl, userName, $"Too many failed attempts: try again in {seconds} s.", StatusCodes.Status429TooManyRequests);
    }

    private static IResult Form(HttpContext context, SessionPrincipals principals, string? returnUrl, string? userName, string? error, int status)
    {
        // A fresh token pair for the rendered form; the cookie half is set on this response.
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var model = new SignInPage.Model(tokens.FormFieldName, tokens.RequestToken!, ReturnUrls.OrHome(returnUrl), principals.UsesStartupToken, userName, error);
        context.Response.Headers.CacheControl = "no-store";
        return Html(SignInPage.Render(model), status);
    }

    private static IResult Html(string html, int status) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in with a wrong token from {Address}")]
    private static partial void LogWrongToken(ILogger logger, System.Net.IPAddress? address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in for {UserName} from {Address}")]
    private static partial void LogFailed(ILogger logger, string userName, System.Net.IPAddress? address);

    [LoggerMessage(Level = LogLevel.Information, Message = "{UserName} signed in as {Role}")]
    private static partial void LogSignedIn(ILogger logger, string? userName, string? role);
}
