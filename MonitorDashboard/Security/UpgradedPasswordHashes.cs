using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Security;

/// <summary>
/// Stronger hashes made at sign-in for accounts whose configured hash is weaker than new ones: the app cannot rewrite
/// its configuration, so they live in <see cref="AuthOptions.UpgradedHashesFile"/> (user name → hash and seal). The seal
/// is an HMAC of the new hash keyed by the configured hash it replaces: an upgrade counts only while that configured
/// hash is in force (an admin's new hash wins and the upgrade is dropped), and nobody who cannot read the configuration
/// can plant a hash of their own. The file is written whole (temporary file, flushed to disk, renamed over the old one),
/// readable by the app's user only. It only ever holds copies: losing it loses nothing but the upgrades.
/// </summary>
public sealed partial class UpgradedPasswordHashes(IOptions<AuthOptions> options, ILogger<UpgradedPasswordHashes> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly Lock _gate = new();
    private Dictionary<string, Upgrade>? _upgrades;

    public string FilePath => options.Value.UpgradedHashesFile;

    /// <summary>The upgraded hash of <paramref name="userName"/> if it replaces exactly <paramref name="configuredHash"/>.</summary>
    public string? Find(string userName, string configuredHash)
    {
        lock (_gate)
        {
            var upgrades = Load();
            if (!upgrades.TryGetValue(userName, out var upgrade))
            {
                return null;
            }
            if (IsSealedBy(upgrade, configuredHash))
            {
                return upgrade.Hash;
            }
            upgrades.Remove(userName);
            LogDiscarded(userName, FilePath);
            TryWrite(upgrades, userName);
            return null;
        }
    }

    /// <summary>Keeps <paramref name="upgradedHash"/> in place of <paramref name="configuredHash"/>; a failure is logged, never thrown.</summary>
    public void Save(string userName, string configuredHash, string upgradedHash)
    {
        lock (_gate)
        {
            var upgrades = Load();
            // Kept in memory even if the file cannot be written: it verifies the same password, until the next start.
            upgrades[userName] = new Upgrade(upgradedHash, Seal(configuredHash, upgradedHash));
            if (TryWrite(upgrades, userName))
            {
                LogUpgraded(userName, PasswordHashing.IterationsOf(upgradedHash) ?? 0, FilePath);
            }
        }
    }

    private Dictionary<string, Upgrade> Load()
    {
        if (_upgrades is not null)
        {
            return _upgrades;
        }
        _upgrades = new Dictionary<string, Upgrade>(StringComparer.OrdinalIgnoreCase);
        try
        {
            if (File.Exists(FilePath))
            {
                using var stream = File.OpenRead(FilePath);
                foreach (var (userName, upgrade) in JsonSerializer.Deserialize<Dictionary<string, Upgrade?>>(stream, Json) ?? [])
                {
                    if (upgrade is { Hash: { } hash, Seal: { } } && PasswordHashing.IsWellFormed(hash))
                    {
                        _upgrades[userName] = upgrade;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            // Only copies are lost: every configured hash still verifies, and is upgraded again at the next sign-in.
            LogNotRead(ex, FilePath);
        }
        return _upgrades;
    }

    private bool TryWrite(Dictionary<string, Upgrade> upgrades, string userName)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(FilePath))!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(FilePath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var stream = new FileStream(temporary, create))
            {
                JsonSerializer.Serialize(stream, new SortedDictionary<string, Upgrade>(upgrades, StringComparer.OrdinalIgnoreCase), Json);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, FilePath, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogNotWritten(ex, userName, FilePath);
            TryDelete(temporary);
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary file is harmless: it is never read.
        }
    }

    private static bool IsSealedBy(Upgrade upgrade, string configuredHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(upgrade.Seal), Encoding.ASCII.GetBytes(Seal(configuredHash, upgrade.Hash)));

    private static string Seal(string configuredHash, string upgradedHash) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(configuredHash), Encoding.UTF8.GetBytes(upgradedHash)));

    /// <summary>One upgrade as stored: the new hash, and the seal binding it to the configured hash it replaces.</summary>
    private sealed record Upgrade(string Hash, string Seal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored a stronger password hash ({Iterations} PBKDF2 iterations) for {UserName} in {Path}; the weaker configured one still works until it is replaced with the output of hash-password")]
    private partial void LogUpgraded(string userName, int iterations, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped the stronger password hash of {UserName} in {Path}: the configured hash it replaced was changed")]
    private partial void LogDiscarded(string userName, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the stronger password hash of {UserName} to {Path}; sign-in is not affected, and the hash is upgraded again after the next start")]
    private partial void LogNotWritten(Exception exception, string userName, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the stronger password hashes in {Path}; the configured hashes are used")]
    private partial void LogNotRead(Exception exception, string path);
}
