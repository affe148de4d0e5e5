using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using MonitorDashboard.Security;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Security;

/// <summary>The store of upgraded password hashes, on disk.</summary>
public sealed class UpgradedPasswordHashesTests : IDisposable
{
    private const string Password = "correct horse battery staple";

    private static readonly string Configured = WeakHashes.Make(Password);
    private static readonly string Upgraded = PasswordHashing.Hash(Password);

    private readonly string _folder = Directory.CreateTempSubdirectory("md-hashes-").FullName;
    private readonly FakeLogger<UpgradedPasswordHashes> _logger = new();

    private string FilePath => Path.Combine(_folder, "data", "password-hashes.json");

    private UpgradedPasswordHashes Store() =>
        new(Options.Create(new AuthOptions { UpgradedHashesFile = FilePath }), _logger);

    [Fact]
    public void A_saved_upgrade_is_found_again_after_a_restart_while_its_configured_hash_is_in_force()
    {
        Store().Save("alice", Configured, Upgraded);

        var afterRestart = Store();

        Assert.Equal(Upgraded, afterRestart.Find("alice", Configured));
        Assert.Equal(Upgraded, afterRestart.Find("ALICE", Configured));
        Assert.Null(afterRestart.Find("bob", Configured));
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Information && r.Message.Contains("alice", StringComparison.Ordinal));
    }

    [Fact]
    public void An_upgrade_for_another_configured_hash_is_discarded_and_removed_from_the_file()
    {
        Store().Save("alice", Configured, Upgraded);
        var store = Store();

        Assert.Null(store.Find("alice", PasswordHashing.Hash("the admin set a new one")));

        Assert.Null(Store().Find("alice", Configured));
        Assert.DoesNotContain("alice", File.ReadAllText(FilePath), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_hash_planted_in_the_file_without_knowing_the_configured_hash_is_ignored()
    {
        Store().Save("alice", Configured, Upgraded);
        var json = JsonNode.Parse(File.ReadAllText(FilePath))!;
        json["alice"]!["hash"] = PasswordHashing.Hash("the intruder's password");
        File.WriteAllText(FilePath, json.ToJsonString());

        Assert.Null(Store().Find("alice", Configured));
    }

    [Fact]
    public void The_file_is_readable_by_the_apps_user_only_and_no_temporary_file_is_left()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes");
            return;
        }

        Store().Save("alice", Configured, Upgraded);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(FilePath));
        Assert.Equal([FilePath], Directory.GetFiles(Path.GetDirectoryName(FilePath)!, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_damaged_file_is_reported_and_the_next_upgrade_writes_a_good_one()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        File.WriteAllText(FilePath, "{ \"alice\": { \"hash\": ");
        var store = Store();

        Assert.Null(store.Find("alice", Configured));
        store.Save("alice", Configured, Upgraded);

        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("Could not read", StringComparison.Ordinal) && r.Message.Contains(FilePath, StringComparison.Ordinal));
        Assert.Equal(Upgraded, Store().Find("alice", Configured));
    }

    [Fact]
    public void An_unwritable_folder_is_logged_without_secrets_and_the_upgrade_still_counts_until_the_app_stops()
    {
        var data = Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!).FullName;
        using var unwritable = UnwritableFolder.Make(data);
        var store = Store();

        store.Save("alice", Configured, Upgraded);

        Assert.Equal(Upgraded, store.Find("alice", Configured));
        Assert.False(File.Exists(FilePath));
        var warning = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("alice", warning.Message, StringComparison.Ordinal);
        Assert.Contains(FilePath, warning.Message, StringComparison.Ordinal);
        foreach (var secret in new[] { Password, Configured, Upgraded })
        {
            Assert.DoesNotContain(secret, warning.Message + warning.Exception, StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
