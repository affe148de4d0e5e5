using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MonitorDashboard.Security;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Security;

/// <summary>A weaker configured hash is upgraded at sign-in, over real HTTP, with the store on disk.</summary>
public sealed class SignInPasswordUpgradeTests : IAsyncLifetime
{
    private const string Password = "old but right password";

    private readonly string _folder = Directory.CreateTempSubdirectory("md-upgrade-").FullName;
    private SecurityTestHost _host = null!;

    private string DataFolder => Path.Combine(_folder, "data");

    private string FilePath => Path.Combine(DataFolder, "password-hashes.json");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(DataFolder);
        _host = await SecurityTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Auth:Accounts:0:PasswordHash"] = WeakHashes.Make(Password, 10_000),
            ["Auth:UpgradedHashesFile"] = FilePath,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private string? StoredHash() =>
        File.Exists(FilePath) ? JsonNode.Parse(File.ReadAllText(FilePath))?["alice"]?["hash"]?.GetValue<string>() : null;

    [Fact]
    public async Task A_weak_configured_hash_signs_in_is_upgraded_on_disk_and_the_next_sign_in_uses_the_upgrade()
    {
        using var first = _host.CreateClient();
        await SecurityTestHost.SignInAsync(first, "alice", Password);

        var upgraded = StoredHash();
        Assert.NotNull(upgraded);
        Assert.True(PasswordHashing.IterationsOf(upgraded) >= 210_000, $"{PasswordHashing.IterationsOf(upgraded)} iterations");
        Assert.True(PasswordHashing.Verify(upgraded, Password));
        var file = File.ReadAllBytes(FilePath);

        using var second = _host.CreateClient();
        await SecurityTestHost.SignInAsync(second, "alice", Password);

        // Verified against the weak hash again, it would have been upgraded again, with a new salt.
        Assert.Equal(file, File.ReadAllBytes(FilePath));
        using var third = _host.CreateClient();
        using var wrong = await SecurityTestHost.PostSignInAsync(third, "alice", "old but wrong password");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task The_upgrade_ends_no_session()
    {
        using var first = _host.CreateClient();
        await SecurityTestHost.SignInAsync(first, "alice", Password);
        using var second = _host.CreateClient();
        await SecurityTestHost.SignInAsync(second, "alice", Password);

        Assert.NotNull(StoredHash());
        Assert.Equal("hello alice", await first.GetStringAsync("", TestContext.Current.CancellationToken));
        Assert.Equal("hello alice", await second.GetStringAsync("", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_new_configured_hash_wins_over_the_upgrade_which_is_discarded_and_its_sessions_end()
    {
        using var before = _host.CreateClient();
        await SecurityTestHost.SignInAsync(before, "alice", Password);
        Assert.NotNull(StoredHash());

        _host.Reconfigure("Auth:Accounts:0:PasswordHash", PasswordHashing.Hash("the new password"));

        using var stranger = _host.CreateClient();
        using var old = await SecurityTestHost.PostSignInAsync(stranger, "alice", Password);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Null(StoredHash());
        using var after = _host.CreateClient();
        await SecurityTestHost.SignInAsync(after, "alice", "the new password");
        using var ended = await before.GetAsync("", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, ended.StatusCode);
    }

    [Fact]
    public async Task A_read_only_data_folder_does_not_stop_sign_in()
    {
        using var unwritable = UnwritableFolder.Make(DataFolder);

        using var first = _host.CreateClient();
        await SecurityTestHost.SignInAsync(first, "alice", Password);
        using var second = _host.CreateClient();
        await SecurityTestHost.SignInAsync(second, "alice", Password);

        Assert.False(File.Exists(FilePath));
        Assert.Equal("hello alice", await first.GetStringAsync("", TestContext.Current.CancellationToken));
        var warning = Assert.Single(_host.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Category == typeof(UpgradedPasswordHashes).FullName);
        Assert.Contains(FilePath, warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, warning.Message + warning.Exception, StringComparison.Ordinal);
    }
}
