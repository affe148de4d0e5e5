using System.Buffers.Binary;
using Microsoft.AspNetCore.Identity;

namespace MonitorDashboard.Security;

/// <summary>
/// Password hashes as ASP.NET Core Identity makes them (format v3: PBKDF2 with HMAC-SHA512, random salt, iteration
/// count inside the hash, compared in constant time). The shared framework has it; no package and no crypto of ours.
/// </summary>
public static class PasswordHashing
{
    private const byte FormatV3 = 0x01;
    private const int HeaderLength = 13;
    private const int MinimumIterations = 10_000;

    private static readonly PasswordHasher<AuthAccount> Hasher = new();
    private static readonly AuthAccount NoUser = new();

    /// <summary>A hash of a password nobody knows: verifying against it costs as much as verifying a real account.</summary>
    private static readonly Lazy<string> Decoy = new(() => Hash(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));

    public static string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return Hasher.HashPassword(NoUser, password);
    }

    public static bool Verify(string hash, string password) =>
        IsWellFormed(hash) && !string.IsNullOrEmpty(password)
        && Hasher.VerifyHashedPassword(NoUser, hash, password) != PasswordVerificationResult.Failed;

    /// <summary>Spends the time of one verification, so an unknown user name answers as slowly as a wrong password.</summary>
    public static void VerifyDecoy(string password) => _ = Hasher.VerifyHashedPassword(NoUser, Decoy.Value, password.Length == 0 ? "x" : password);

    /// <summary>Base64 of a v3 header (algorithm, iterations, salt length), a salt of at least 128 bits and a subkey.</summary>
    public static bool IsWellFormed(string? hash)
    {
        if (string.IsNullOrWhiteSpace(hash) || hash.Length > 1024)
        {
            return false;
        }
        var bytes = new byte[hash.Length];
        if (!Convert.TryFromBase64String(hash, bytes, out var length) || length < HeaderLength || bytes[0] != FormatV3)
        {
            return false;
        }
        var algorithm = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1));
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5));
        var saltLength = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9));
        return algorithm <= 2 && iterations >= MinimumIterations && saltLength >= 16
            && HeaderLength + saltLength + 16 <= length;
    }
}
