using Microsoft.Extensions.Options;
using MonitorDashboard.Security;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Security;

/// <summary><c>Auth:KnownProxies</c>, <c>Auth:KnownNetworks</c> and <c>Auth:ForwardLimit</c> are checked at start-up, each bad entry named.</summary>
[ProcessTests]
public sealed class TrustedProxiesTests
{
    private static IReadOnlyList<string> Validate(AuthOptions options) =>
        new AuthOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Addresses_and_networks_of_both_families_are_valid()
    {
        var options = new AuthOptions
        {
            KnownProxies = ["127.0.0.1", "10.1.2.3", "::1", "fd00::10"],
            KnownNetworks = ["10.0.0.0/8", "172.16.0.0/12", "fd00::/8"],
            ForwardLimit = 2,
        };

        Assert.Empty(Validate(options));
    }

    public static TheoryData<string, Action<AuthOptions>, string> Broken => new()
    {
        { "prefix too long", o => o.KnownNetworks = ["10.0.0.0/8", "10.0.0.0/33"], "Auth:KnownNetworks:1: \"10.0.0.0/33\" is not a network in CIDR notation" },
        { "host bits set", o => o.KnownNetworks = ["10.0.0.1/8"], "Auth:KnownNetworks:0: \"10.0.0.1/8\" is not a network in CIDR notation" },
        { "no prefix", o => o.KnownNetworks = ["10.0.0.0"], "Auth:KnownNetworks:0: \"10.0.0.0\" is not a network in CIDR notation" },
        { "host name", o => o.KnownProxies = ["proxy.local"], "Auth:KnownProxies:0: \"proxy.local\" is not an IP address" },
        { "short IPv4 form", o => o.KnownProxies = ["127.0.0.1", "10"], "Auth:KnownProxies:1: \"10\" is not an IP address" },
        { "octal-looking IPv4", o => o.KnownProxies = ["010.0.0.1"], "Auth:KnownProxies:0: \"010.0.0.1\" is not an IP address" },
        { "network among proxies", o => o.KnownProxies = ["10.0.0.0/8"], "Auth:KnownProxies:0: \"10.0.0.0/8\" is not an IP address (put networks in Auth:KnownNetworks)" },
        { "empty entry", o => o.KnownProxies = [""], "Auth:KnownProxies:0: \"\" is not an IP address" },
        { "no forwards", o => o.ForwardLimit = 0, "Auth:ForwardLimit: 0 must be between 1 and 10" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void One_bad_entry_gives_one_problem_naming_its_key_and_value(string because, Action<AuthOptions> breakIt, string expected)
    {
        var options = new AuthOptions();
        breakIt(options);

        var problem = Assert.Single(Validate(options));
        Assert.True(problem.StartsWith(expected, StringComparison.Ordinal), $"{because}: {problem}");
    }

    [Fact]
    public async Task A_bad_network_stops_the_security_pipeline_from_starting_with_the_key_named()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => SecurityTestHost.StartAsync(
            new Dictionary<string, string?> { ["Auth:KnownNetworks:0"] = "10.0.0.0/33" }));

        Assert.Contains("Auth:KnownNetworks:0: \"10.0.0.0/33\" is not a network in CIDR notation", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_proxy_address_stops_the_app_with_the_key_named()
    {
        var result = await AppProcess.RunAsync(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string?>
        {
            ["Auth__KnownProxies__0"] = "127.0.0.1",
            ["Auth__KnownProxies__1"] = "proxy.local",
        });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Auth:KnownProxies:1: \"proxy.local\" is not an IP address", result.StdErr, StringComparison.Ordinal);
    }
}
