using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Monitoring.Health;

/// <summary>Who is asking /healthz; only <see cref="SignedIn"/> and <see cref="Token"/> callers see the details.</summary>
public enum HealthCaller
{
    Anonymous,

    /// <summary>A bearer token was sent and is not <c>Health:Token</c>: answered like <see cref="Anonymous"/>.</summary>
    WrongToken,
    SignedIn,
    Token,
}

/// <summary>
/// Tells a signed-in user (the cookie authentication already ran) or a monitoring system presenting
/// <c>Health:Token</c> from everybody else. The token is compared in constant time, as SHA-256 digests, so neither
/// its content nor its length leaks through timing.
/// </summary>
public sealed class HealthCallers(IOptions<HealthOptions> options)
{
    private readonly byte[]? _tokenDigest = string.IsNullOrEmpty(options.Value.Token) ? null : Digest(options.Value.Token);

    public HealthCaller Identify(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return HealthCaller.SignedIn;
        }
        if (BearerToken(context.Request) is not { } presented)
        {
            return HealthCaller.Anonymous;
        }
        return _tokenDigest is not null && CryptographicOperations.FixedTimeEquals(Digest(presented), _tokenDigest)
            ? HealthCaller.Token
            : HealthCaller.WrongToken;
    }

    public static bool SeesDetails(HealthCaller caller) => caller is HealthCaller.SignedIn or HealthCaller.Token;

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : null;
    }

    private static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
