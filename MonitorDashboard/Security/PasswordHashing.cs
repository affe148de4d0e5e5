using System.Buffers.Binary;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Security;

/// <summary>
/// Password hashes as ASP.NET Core Identity makes them (format v3: PBKDF2 with HMAC-SHA512, random salt, iteration
/// count inside the hash, compared in constant time). The shared framework has it; no package and no crypto of ours.
/// </summary>
public static class PasswordHashing
{
    /// <summary>
    /// PBKDF2-HMAC-SHA512 work factor for new hashes: OWASP Password Storage Cheat Sheet (2023 revision, current)
    /// asks for at least 210,000 iterations with HMAC-SHA-512. Identity's own default is 100,000.
    /// </summary>
    public const int Iterations = 210_000;

    /// <summary>Older, weaker hashes (Identity's defaults were 10,000 and 100,000) still verify, and are upgraded.</summary>
    private const int MinimumIterations = 10_000;

    private const byte FormatV3 = 0x01;
    private const int HeaderLength = 13;

    private static readonly PasswordHasher<AuthAccount> Hasher = new(Options.Create(new PasswordHasherOptions { IterationCount = Iterations }));
    private static readonly AuthAccount NoUser = new();

    /// <summary>A hash of a password nobody knows: verifying against it costs as much as verifying a real account.</summary>
    private static readonly Lazy<string> Decoy = new(() => Hash(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));

    public static string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return Hasher.HashPassword(NoUser, password);
    }

    public static bool Verify(string hash, string password) => Check(hash, password) != PasswordVerificationResult.Failed;

    /// <summary>
    /// <see cref="PasswordVerificationResult.SuccessRehashNeeded"/> for the right password against a hash weaker than
    /// new ones (fewer iterations, or HMAC-SHA1/SHA256): the caller may keep a fresh <see cref="Hash"/> instead.
    /// </summary>
    public static PasswordVerificationResult Check(string hash, string password) =>
        IsWellFormed(hash) && !string.IsNullOrEmpty(password)
            ? Hasher.VerifyHashedPassword(NoUser, hash, password)
            : PasswordVerificationResult.Failed;

    /// <summary>Spends the time of one verification, so an unknown user name answers as slowly as a wrong password.</summary>
    public static void VerifyDecoy(string password) => _ = Hasher.VerifyHashedPassword(NoUser, Decoy.Value, password.Length == 0 ? "x" : password);

    /// <summary>The PBKDF2 iteration count inside a well-formed hash; null for anything else.</summary>
    public static int? IterationsOf(string? hash)
    {
        if (!IsWellFormed(hash))
        {
            return null;
        }
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(hash!).AsSpan(5));
        return iterations > int.MaxValue ? int.MaxValue : (int)iterations;
    }

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
