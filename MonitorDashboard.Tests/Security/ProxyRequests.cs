using System.Net;

namespace MonitorDashboard.Tests.Security;

/// <summary>
/// Requests as a reverse proxy on 127.0.0.1 sends them (or as a client that forges the proxy's headers): X-Forwarded-For,
/// -Proto and -Host on every request. Cookies are carried by hand, because a cookie marked Secure is rightly never sent
/// back by a cookie jar over the plain-HTTP hop to the app.
/// </summary>
internal static class ProxyRequests
{
    public const string SessionCookie = "MonitorDashboard.Session=";
    public const string AntiforgeryCookie = ".AspNetCore.Antiforgery.";

    public static HttpClient Client(SecurityTestHost host, string? forwardedFor, string? proto = null, string? forwardedHost = null, string? hostHeader = null)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }
        if (proto is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", proto);
        }
        if (forwardedHost is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Host", forwardedHost);
        }
        if (hostHeader is not null)
        {
            client.DefaultRequestHeaders.Host = hostHeader;
        }
        return client;
    }

    /// <summary>GET the form, then POST it with its antiforgery cookie; both responses, for their Set-Cookie headers.</summary>
    public static async Task<(HttpResponseMessage Form, HttpResponseMessage Post)> SignInAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetAsync("signin", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var fields = SecurityTestHost.FormFields(await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        fields["userName"] = userName;
        fields["password"] = password;
        using var post = new HttpRequestMessage(HttpMethod.Post, "signin") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", CookiePair(SetCookie(form, AntiforgeryCookie)));
        return (form, await client.SendAsync(post, TestContext.Current.CancellationToken));
    }

    public static string SetCookie(HttpResponseMessage response, string prefix) =>
        Assert.Single(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(prefix, StringComparison.Ordinal));

    public static bool IsSecure(string setCookie) =>
        setCookie.Split(';', StringSplitOptions.TrimEntries).Contains("secure", StringComparer.OrdinalIgnoreCase);

    public static string? StrictTransportSecurity(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Strict-Transport-Security", out var values) ? string.Join(", ", values) : null;

    /// <summary>The address, scheme and host the app sees for this client.</summary>
    public static Task<string> SeenAsAsync(HttpClient client) => client.GetStringAsync("client", TestContext.Current.CancellationToken);

    private static string CookiePair(string setCookie) => setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
}
