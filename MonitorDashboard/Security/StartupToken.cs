using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MonitorDashboard.Security;

/// <summary>
/// The sign-in token used when no account is configured (as Jupyter does): 32 random bytes, base64url, made once per
/// start and accepted until the process stops — so a second browser can use the same URL. A restart makes a new token
/// and ends every session the old one opened (<see cref="Generation"/>). The value is a secret: it is written to the
/// console once and nowhere else.
/// </summary>
public sealed class StartupToken
{
    private readonly byte[] _digest;

    public StartupToken()
    {
        Value = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        _digest = SHA256.HashData(Encoding.UTF8.GetBytes(Value));
        Generation = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    }

    internal string Value { get; }

    /// <summary>Identifies this start; sessions opened with the token carry it, and only this start accepts them.</summary>
    internal string Generation { get; }

    /// <summary>Constant time whatever the input: digests of equal length are compared, never the strings.</summary>
    public bool Matches(string? candidate) =>
        candidate is { Length: > 0 and <= 256 }
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), _digest);

    public override string ToString() => "(start-up token)";
}
