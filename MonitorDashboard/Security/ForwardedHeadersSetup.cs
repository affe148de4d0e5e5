using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Security;

/// <summary>
/// X-Forwarded-For, -Proto and -Host believed only from <c>Auth:KnownProxies</c> and <c>Auth:KnownNetworks</c>: behind a
/// reverse proxy each client keeps its own address (sign-in throttle, rate limit, logs) and HTTPS is seen as HTTPS
/// (Secure cookies, HSTS). With nothing configured no forwarded header is believed, whoever sends it.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static void Use(WebApplication app)
    {
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (OptionsFor(auth, app.Configuration["AllowedHosts"]) is { } options)
        {
            app.UseForwardedHeaders(options);
        }
        app.UseMiddleware<UntrustedForwardingWarning>();
    }

    /// <summary>The middleware's options; null when no proxy is configured.</summary>
    public static ForwardedHeadersOptions? OptionsFor(AuthOptions auth, string? allowedHosts)
    {
        // Not added at all then: ForwardedHeadersMiddleware with both lists empty believes every sender.
        if (!auth.TrustsProxies)
        {
            return null;
        }
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            ForwardLimit = auth.ForwardLimit,
        };
        // The defaults trust loopback; only what is configured may count.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in auth.KnownProxies)
        {
            options.KnownProxies.Add(TrustedProxies.TryParseAddress(entry, out var address) ? address : throw Invalid(entry));
        }
        foreach (var entry in auth.KnownNetworks)
        {
            options.KnownIPNetworks.Add(TrustedProxies.TryParseNetwork(entry, out var network) ? network : throw Invalid(entry));
        }
        // Host filtering runs before this and sees only the proxy's Host header, so a forwarded host must pass the same list.
        foreach (var host in AllowedHosts(allowedHosts))
        {
            options.AllowedHosts.Add(host);
        }
        return options;
    }

    /// <summary>The hosts of the <c>AllowedHosts</c> setting (separated by ';'); empty when any host is allowed.</summary>
    public static IReadOnlyList<string> AllowedHosts(string? setting)
    {
        var hosts = (setting ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return hosts.Contains("*") ? [] : hosts;
    }

    // Unreachable after start-up validation, which names the key; kept so a bad entry can never be skipped silently.
    private static InvalidOperationException Invalid(string entry) => new($"\"{entry}\" in Auth:KnownProxies or Auth:KnownNetworks passed validation but cannot be parsed");
}
