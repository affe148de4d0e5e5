namespace MonitorDashboard.Security;

/// <summary>
/// Says once that a request carried an X-Forwarded-For that was not believed: the usual slip when putting the app behind
/// a proxy (every client then shares the proxy's address and cookies lose Secure). Once only, so no sender can flood the log.
/// </summary>
internal sealed partial class UntrustedForwardingWarning(RequestDelegate next, ILogger<UntrustedForwardingWarning> logger)
{
    private int _warned;

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        // ForwardedHeadersMiddleware keeps what it replaced in X-Original-For; without it nothing forwarded was used.
        if (headers.ContainsKey("X-Forwarded-For") && !headers.ContainsKey("X-Original-For") && Interlocked.Exchange(ref _warned, 1) == 0)
        {
            LogIgnored(logger, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        }
        return next(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A request from {Address} carried X-Forwarded-For, which was ignored: "
        + "if a reverse proxy is in front of the app, put its address in Auth:KnownProxies (or its network in Auth:KnownNetworks); "
        + "until then all its clients share one address and cookies are not marked Secure. Said once")]
    private static partial void LogIgnored(ILogger logger, string address);
}
