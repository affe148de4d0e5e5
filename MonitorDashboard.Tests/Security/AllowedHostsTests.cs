using System.Net;
using static MonitorDashboard.Tests.Security.ProxyRequests;

namespace MonitorDashboard.Tests.Security;

/// <summary><c>AllowedHosts</c>: requests for another host name are refused, and a trusted proxy cannot forward one either.</summary>
public sealed class AllowedHostsTests
{
    private static readonly Dictionary<string, string?> PublicName = new()
    {
        ["AllowedHosts"] = "dashboard.example.com",
        ["Auth:KnownProxies:0"] = "127.0.0.1",
    };

    [Fact]
    public async Task A_request_for_another_host_gets_400_and_one_for_the_allowed_host_is_served()
    {
        await using var host = await SecurityTestHost.StartAsync(PublicName);
        using var other = Client(host, forwardedFor: null, hostHeader: "evil.example");
        using var allowed = Client(host, forwardedFor: null, hostHeader: "dashboard.example.com");

        using var refused = await other.GetAsync("signin", TestContext.Current.CancellationToken);
        using var served = await allowed.GetAsync("signin", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task A_forwarded_host_outside_allowed_hosts_is_not_taken_from_the_proxy()
    {
        await using var host = await SecurityTestHost.StartAsync(PublicName);
        using var spoofed = Client(host, "203.0.113.10", proto: "https", forwardedHost: "evil.example", hostHeader: "dashboard.example.com");
        using var honest = Client(host, "203.0.113.10", proto: "https", forwardedHost: "dashboard.example.com", hostHeader: "dashboard.example.com");

        Assert.Equal("203.0.113.10 https dashboard.example.com", await SeenAsAsync(spoofed));
        Assert.Equal("203.0.113.10 https dashboard.example.com", await SeenAsAsync(honest));
    }
}
