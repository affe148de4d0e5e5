using System.Net;
using static MonitorDashboard.Tests.Security.ProxyRequests;

namespace MonitorDashboard.Tests.Security;

/// <summary>Behind a trusted reverse proxy (this test, on 127.0.0.1, plays it): each client keeps its address, HTTPS stays HTTPS.</summary>
public sealed class ForwardedHeadersTests
{
    private static readonly Dictionary<string, string?> ProxyOnLoopback = new() { ["Auth:KnownProxies:0"] = "127.0.0.1" };

    [Fact]
    public async Task The_app_sees_the_client_address_scheme_and_host_the_trusted_proxy_forwards()
    {
        await using var host = await SecurityTestHost.StartAsync(ProxyOnLoopback);
        using var client = Client(host, "203.0.113.10", proto: "https", forwardedHost: "dashboard.example.com");

        Assert.Equal("203.0.113.10 https dashboard.example.com", await SeenAsAsync(client));
    }

    [Fact]
    public async Task Failed_sign_ins_of_one_client_behind_the_proxy_do_not_lock_out_another()
    {
        await using var host = await SecurityTestHost.StartAsync(ProxyOnLoopback, accounts: false);
        using var guesser = Client(host, "203.0.113.10");
        using var user = Client(host, "203.0.113.20");

        await FailUntilRefusedAsync(guesser);
        using var guesserRight = await guesser.GetAsync("signin?token=" + host.StartupTokenValue, TestContext.Current.CancellationToken);
        using var userRight = await user.GetAsync("signin?token=" + host.StartupTokenValue, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, guesserRight.StatusCode);
        Assert.Equal(HttpStatusCode.Found, userRight.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_rate_limit_counts_each_client_behind_the_proxy_on_its_own()
    {
        await using var host = await SecurityTestHost.StartAsync(ProxyOnLoopback);
        using var flooder = Client(host, "203.0.113.10");
        using var user = Client(host, "203.0.113.20");

        await PostUntilRateLimitedAsync(flooder);
        var (_, signIn) = await SignInAsync(user, "alice", SecurityTestHost.AdminPassword);

        using (signIn)
        {
            Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
        }
    }

    [Fact]
    public async Task Over_https_at_the_proxy_the_session_and_antiforgery_cookies_are_secure_and_hsts_is_sent()
    {
        await using var host = await SecurityTestHost.StartAsync(ProxyOnLoopback);
        using var client = Client(host, "203.0.113.10", proto: "https", forwardedHost: "dashboard.example.com");

        var (form, signIn) = await SignInAsync(client, "alice", SecurityTestHost.AdminPassword);

        using (form)
        using (signIn)
        {
            Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
            Assert.True(IsSecure(SetCookie(form, AntiforgeryCookie)), SetCookie(form, AntiforgeryCookie));
            Assert.True(IsSecure(SetCookie(signIn, SessionCookie)), SetCookie(signIn, SessionCookie));
            Assert.StartsWith("max-age=", StrictTransportSecurity(form), StringComparison.Ordinal);
            Assert.StartsWith("max-age=", StrictTransportSecurity(signIn), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Over_plain_http_at_the_proxy_cookies_are_not_secure_and_no_hsts_is_sent()
    {
        await using var host = await SecurityTestHost.StartAsync(ProxyOnLoopback);
        using var client = Client(host, "203.0.113.10", proto: "http", forwardedHost: "dashboard.example.com");

        var (form, signIn) = await SignInAsync(client, "alice", SecurityTestHost.AdminPassword);

        using (form)
        using (signIn)
        {
            Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
            Assert.False(IsSecure(SetCookie(form, AntiforgeryCookie)));
            Assert.False(IsSecure(SetCookie(signIn, SessionCookie)));
            Assert.Null(StrictTransportSecurity(form));
        }
    }

    [Theory]
    [InlineData("1", "127.0.0.1", "198.51.100.7, 203.0.113.10", "203.0.113.10")]
    [InlineData("2", "127.0.0.1", "198.51.100.7, 203.0.113.10", "203.0.113.10")]
    [InlineData("2", "127.0.0.1;203.0.113.10", "198.51.100.7, 203.0.113.10", "198.51.100.7")]
    public async Task An_address_a_client_put_in_front_of_the_proxys_is_believed_only_through_trusted_proxies(
        string forwardLimit, string proxies, string forwardedFor, string seen)
    {
        var configuration = new Dictionary<string, string?> { ["Auth:ForwardLimit"] = forwardLimit };
        foreach (var (proxy, i) in proxies.Split(';').Select((p, i) => (p, i)))
        {
            configuration[$"Auth:KnownProxies:{i}"] = proxy;
        }
        await using var host = await SecurityTestHost.StartAsync(configuration);
        using var client = Client(host, forwardedFor);

        Assert.StartsWith(seen + " ", await SeenAsAsync(client), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trusted_network_works_like_a_trusted_proxy()
    {
        await using var host = await SecurityTestHost.StartAsync(new Dictionary<string, string?> { ["Auth:KnownNetworks:0"] = "127.0.0.0/8" });
        using var client = Client(host, "203.0.113.10", proto: "https");

        Assert.StartsWith("203.0.113.10 https ", await SeenAsAsync(client), StringComparison.Ordinal);
    }

    /// <summary>Wrong tokens until the throttle refuses; however many failures it allows (or how it delays them).</summary>
    internal static async Task FailUntilRefusedAsync(HttpClient client, Func<int, string>? forwardedFor = null)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "signin?token=" + new string('A', 43));
            if (forwardedFor is not null)
            {
                request.Headers.Add("X-Forwarded-For", forwardedFor(attempt));
            }
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return;
            }
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        Assert.Fail("20 wrong tokens were never refused");
    }

    /// <summary>Sign-in posts (without a form, so no password is checked) until the rate limiter answers 429.</summary>
    internal static async Task PostUntilRateLimitedAsync(HttpClient client, Func<int, string>? forwardedFor = null)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "signin");
            if (forwardedFor is not null)
            {
                request.Headers.Add("X-Forwarded-For", forwardedFor(attempt));
            }
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return;
            }
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        Assert.Fail("50 sign-in posts were never rate-limited");
    }
}
