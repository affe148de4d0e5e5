using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MonitorDashboard.Security;

/// <summary>
/// Without accounts anyone who can reach the port and read the console could sign in, so the app then listens on
/// 127.0.0.1 only: every configured URL (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>,
/// <c>Kestrel:Endpoints</c>) keeps its scheme and port but gets the loopback address.
/// </summary>
public sealed record LoopbackBinding(IReadOnlyList<string> Replaced, IReadOnlyList<string> Urls)
{
    private const string Loopback = "127.0.0.1";
    private const string DefaultUrl = "http://127.0.0.1:5000";

    public static LoopbackBinding Apply(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var replaced = new List<string>();
        var configured = configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } urls
            ? urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : configuration["http_ports"] is { Length: > 0 } ports
                ? ports.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://*:{p}").ToArray()
                : [DefaultUrl];
        var rewritten = configured.Select(url => Rewrite(url, replaced)).ToList();
        builder.WebHost.UseUrls([.. rewritten]);

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                configuration[$"Kestrel:Endpoints:{endpoint.Key}:Url"] = Rewrite(url, replaced);
            }
        }
        return new LoopbackBinding(replaced, rewritten);
    }

    private static string Rewrite(string url, List<string> replaced)
    {
        var address = BindingAddress.Parse(url);
        if (address.IsNamedPipe || address.IsUnixPipe
            || (IPAddress.TryParse(address.Host, out var ip) && IPAddress.IsLoopback(ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork))
        {
            return url;
        }
        if (!string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            replaced.Add(url);
        }
        return $"{address.Scheme}://{Loopback}:{address.Port}{address.PathBase}";
    }
}

/// <summary>Once the server knows its port, prints the sign-in URL with the token (see <see cref="StartupToken"/>).</summary>
internal sealed partial class SignInUrlAnnouncer(
    IServer server,
    IHostApplicationLifetime lifetime,
    StartupToken token,
    LoopbackBinding binding,
    TimeProvider time,
    ILogger<SignInUrlAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Announce);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce()
    {
        if (binding.Replaced.Count > 0)
        {
            LogLoopbackOnly(string.Join(", ", binding.Replaced));
        }
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (address is null)
        {
            LogNoAddress();
            return;
        }
        LogSignInUrlPrinted();
        // The one place the token is written. Straight to the console, in the console log's format, not through the
        // logging pipeline: that also feeds the rolling log file and any other sink, which must never hold it.
        Console.Out.WriteLine($"[{time.GetLocalNow():HH:mm:ss} INF] Sign in at {address.TrimEnd('/')}/signin?token={token.Value}");
        Console.Out.Flush();
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No accounts are configured (Auth:Accounts), so the dashboard listens on 127.0.0.1 only instead of {Configured}; configure accounts to serve other machines")]
    private partial void LogLoopbackOnly(string configured);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No accounts are configured and the server reports no address: no sign-in URL to show")]
    private partial void LogNoAddress();

    [LoggerMessage(Level = LogLevel.Information, Message = "No accounts are configured (Auth:Accounts): sign in with the URL printed on the console; it works until the app stops")]
    private partial void LogSignInUrlPrinted();
}
