using System.Net;
using Microsoft.Extensions.Logging;
using static MonitorDashboard.Tests.Security.ProxyRequests;

namespace MonitorDashboard.Tests.Security;

/// <summary>Forwarded headers from anyone but a configured proxy change nothing: no new address, no HTTPS, no other host.</summary>
public sealed class ForwardedHeadersIgnoredTests
{
    [Fact]
    public async Task Without_configured_proxies_a_client_cannot_pick_its_address_scheme_or_host()
    {
        await using var host = await SecurityTestHost.StartAsync();
        using var client = Client(host, "203.0.113.10", proto: "https", forwardedHost: "dashboard.example.com");

        Assert.Equal($"127.0.0.1 http 127.0.0.1:{host.BaseAddress.Port}", await SeenAsAsync(client));
    }

    [Fact]
    public async Task Without_configured_proxies_rotating_x_forwarded_for_does_not_escape_the_sign_in_throttle()
    {
        await using var host = await SecurityTestHost.StartAsync(accounts: false);
        using var client = Client(host, forwardedFor: null);

        await ForwardedHeadersTests.FailUntilRefusedAsync(client, attempt => $"198.51.100.{attempt + 1}");
        using var right = new HttpRequestMessage(HttpMethod.Get, "signin?token=" + host.StartupTokenValue);
        right.Headers.Add("X-Forwarded-For", "198.51.100.200");
        using var response = await client.SendAsync(right, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Fact]
    public async Task Without_configured_proxies_rotating_x_forwarded_for_does_not_escape_the_sign_in_rate_limit()
    {
        await using var host = await SecurityTestHost.StartAsync();
        using var client = Client(host, forwardedFor: null);

        await ForwardedHeadersTests.PostUntilRateLimitedAsync(client, attempt => $"198.51.100.{attempt + 1}");
    }

    [Fact]
    public async Task Without_configured_proxies_x_forwarded_proto_https_makes_no_cookie_secure_and_sends_no_hsts()
    {
        await using var host = await SecurityTestHost.StartAsync();
        // The public host name as Host (HSTS is never sent to 127.0.0.1 anyway), claiming HTTPS in a header only.
        using var client = Client(host, "203.0.113.10", proto: "https", hostHeader: "dashboard.example.com");

        var (form, signIn) = await SignInAsync(client, "alice", SecurityTestHost.AdminPassword);

        using (form)
        using (signIn)
        {
            Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
            Assert.False(IsSecure(SetCookie(form, AntiforgeryCookie)));
            Assert.False(IsSecure(SetCookie(signIn, SessionCookie)));
            Assert.Null(StrictTransportSecurity(form));
            Assert.Null(StrictTransportSecurity(signIn));
        }
    }

    [Theory]
    [InlineData("Auth:KnownProxies:0", "10.9.8.7")]
    [InlineData("Auth:KnownNetworks:0", "192.168.0.0/16")]
    public async Task A_proxy_not_in_the_configured_list_is_not_trusted_and_the_log_says_so_once(string key, string value)
    {
        await using var host = await SecurityTestHost.StartAsync(new Dictionary<string, string?> { [key] = value });
        using var client = Client(host, "203.0.113.10", proto: "https", forwardedHost: "dashboard.example.com");

        Assert.Equal($"127.0.0.1 http 127.0.0.1:{host.BaseAddress.Port}", await SeenAsAsync(client));
        Assert.Equal($"127.0.0.1 http 127.0.0.1:{host.BaseAddress.Port}", await SeenAsAsync(client));

        var warning = Assert.Single(host.Logs.GetSnapshot(), r => r.Message.Contains("X-Forwarded-For", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("A request from 127.0.0.1 carried X-Forwarded-For, which was ignored", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Auth:KnownProxies", warning.Message, StringComparison.Ordinal);
    }
}
