using System.Net;
using System.Net.Sockets;

namespace MonitorDashboard.Security;

/// <summary>
/// Reads <c>Auth:KnownProxies</c> and <c>Auth:KnownNetworks</c>. Strict on purpose: <see cref="IPAddress.TryParse(string, out IPAddress)"/>
/// alone takes "10" for 0.0.0.10 and "010.0.0.1" for 8.0.0.1, and trusting a proxy by mistake lets anyone pick their address.
/// </summary>
internal static class TrustedProxies
{
    public const int MaxForwardLimit = 10;

    /// <summary>Every bad entry, each naming its key and value.</summary>
    public static IEnumerable<string> Problems(AuthOptions options)
    {
        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            var entry = options.KnownProxies[i];
            if (!TryParseAddress(entry, out _))
            {
                var hint = TryParseNetwork(entry, out _) ? " (put networks in Auth:KnownNetworks)" : " (e.g. 127.0.0.1 or ::1)";
                yield return $"{AuthOptions.SectionName}:KnownProxies:{i}: \"{entry}\" is not an IP address{hint}";
            }
        }
        for (var i = 0; i < options.KnownNetworks.Count; i++)
        {
            var entry = options.KnownNetworks[i];
            if (!TryParseNetwork(entry, out _))
            {
                yield return $"{AuthOptions.SectionName}:KnownNetworks:{i}: \"{entry}\" is not a network in CIDR notation " +
                    "(address/prefix length with no bits set after the prefix, e.g. 10.0.0.0/8 or fd00::/8)";
            }
        }
        if (options.ForwardLimit is < 1 or > MaxForwardLimit)
        {
            yield return $"{AuthOptions.SectionName}:ForwardLimit: {options.ForwardLimit} must be between 1 and {MaxForwardLimit} (proxies in a row in front of the app)";
        }
    }

    public static bool TryParseAddress(string? text, out IPAddress address)
    {
        address = IPAddress.None;
        if (string.IsNullOrWhiteSpace(text) || !IPAddress.TryParse(text.Trim(), out var parsed) || !IsCanonical(text.Trim(), parsed))
        {
            return false;
        }
        address = parsed;
        return true;
    }

    public static bool TryParseNetwork(string? text, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(text) || !IPNetwork.TryParse(text.Trim(), out var parsed))
        {
            return false;
        }
        var prefix = text.Trim();
        if (!IsCanonical(prefix[..prefix.IndexOf('/', StringComparison.Ordinal)], parsed.BaseAddress))
        {
            return false;
        }
        network = parsed;
        return true;
    }

    // IPv4 in dotted-quad decimal only; IPv6 has many spellings of one address, so any that parses (without a scope) is fine.
    private static bool IsCanonical(string text, IPAddress address) => address.AddressFamily switch
    {
        AddressFamily.InterNetwork => text == address.ToString(),
        AddressFamily.InterNetworkV6 => address.ScopeId == 0 && text.Contains(':', StringComparison.Ordinal),
        _ => false,
    };
}
