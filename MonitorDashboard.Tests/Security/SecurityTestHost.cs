using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Security;

namespace MonitorDashboard.Tests.Security;

/// <summary>
/// The app's security pipeline (AddSecurity, UseForwardedHeadersFromProxies, UseSecurityHeaders, UseSecurity,
/// UseAntiforgery, MapSignIn) in a small real Kestrel host on 127.0.0.1, with a page for everyone signed in, one for
/// admins only, and <c>/client</c> telling the address, scheme and host the app sees. Clients may connect from
/// another loopback address (127.0.0.2 ...) to be a second client address.
/// </summary>
public sealed partial class SecurityTestHost : IAsyncDisposable
{
    public const string AdminPassword = "admin password";
    public const string ViewerPassword = "viewer password";

    private readonly WebApplication _app;

    private SecurityTestHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the app logged.</summary>
    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    /// <summary>The sign-in token when started without accounts.</summary>
    public string StartupTokenValue => _app.Services.GetRequiredService<StartupToken>().Value;

    /// <param name="configuration">Added over the defaults, e.g. <c>Auth:KnownProxies:0</c> = <c>127.0.0.1</c>.</param>
    /// <param name="time">The app's clock (sign-in throttling, cookie lifetimes); the system clock when null.</param>
    /// <param name="accounts">Without, the app is in start-up token mode; with, alice is admin and bob viewer.</param>
    public static async Task<SecurityTestHost> StartAsync(IReadOnlyDictionary<string, string?>? configuration = null, FakeTimeProvider? time = null, bool accounts = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.Logging.AddFakeLogging();
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = "http://127.0.0.1:0" });
        if (accounts)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Auth:Accounts:0:UserName"] = "alice",
                ["Auth:Accounts:0:PasswordHash"] = PasswordHashing.Hash(AdminPassword),
                ["Auth:Accounts:0:Role"] = "admin",
                ["Auth:Accounts:1:UserName"] = "bob",
                ["Auth:Accounts:1:PasswordHash"] = PasswordHashing.Hash(ViewerPassword),
                ["Auth:Accounts:1:Role"] = "viewer",
            });
        }
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        builder.AddSecurity();
        builder.Services.AddAntiforgery();

        var app = builder.Build();
        app.UseForwardedHeadersFromProxies();
        app.UseSecurityHeaders();
        app.UseSecurity();
        app.UseAntiforgery();
        app.MapSignIn();
        app.MapGet("/", (HttpContext c) => $"hello {c.User.Identity?.Name}");
        app.MapGet("/admin-only", () => "admin stuff").RequireAuthorization(Policies.Admin);
        app.MapGet("/client", (HttpContext c) => $"{c.Connection.RemoteIpAddress} {c.Request.Scheme} {c.Request.Host}").AllowAnonymous();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new SecurityTestHost(app, new Uri(address + "/"));
    }

    /// <param name="from">
    /// The client's own address, e.g. 127.0.0.2: Linux routes all of 127.0.0.0/8 to loopback, so the app sees a
    /// second client. The system's choice (127.0.0.1) when null.
    /// </param>
    public HttpClient CreateClient(IPAddress? from = null)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        if (from is not null)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(from.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }
        return new HttpClient(handler) { BaseAddress = BaseAddress };
    }

    /// <summary>Changes one configuration key while the app runs, as an edited appsettings.json does.</summary>
    public void Reconfigure(string key, string? value)
    {
        _app.Configuration[key] = value;
        ((IConfigurationRoot)_app.Configuration).Reload();
    }

    /// <summary>Fetches the form (for its antiforgery token) and posts it, as a browser does.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var fields = await FormFieldsAsync(client, "signin" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        fields["userName"] = userName;
        fields["password"] = password;
        return await client.PostAsync("signin", new FormUrlEncodedContent(fields));
    }

    /// <summary>The hidden fields of the sign-in form: the antiforgery token (for this client's user) and the return URL.</summary>
    public static async Task<Dictionary<string, string>> FormFieldsAsync(HttpClient client, string path = "signin")
    {
        return FormFields(await client.GetStringAsync(path));
    }

    /// <summary>The hidden fields of a sign-in form already fetched.</summary>
    public static Dictionary<string, string> FormFields(string form)
    {
        var antiforgery = AntiforgeryField().Match(form);
        Assert.True(antiforgery.Success, "the form has an antiforgery field");
        return new Dictionary<string, string>
        {
            [antiforgery.Groups[1].Value] = WebUtility.HtmlDecode(antiforgery.Groups[2].Value),
            ["returnUrl"] = WebUtility.HtmlDecode(ReturnUrlField().Match(form).Groups[1].Value),
        };
    }

    public static async Task SignInAsync(HttpClient client, string userName, string password)
    {
        using var response = await PostSignInAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
    }

    [GeneratedRegex("""<input type="hidden" name="(__RequestVerificationToken[^"]*)" value="([^"]+)">""")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("""<input type="hidden" name="returnUrl" value="([^"]*)">""")]
    private static partial Regex ReturnUrlField();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
