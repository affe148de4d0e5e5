using MonitorDashboard.Monitoring;
using Microsoft.Extensions.Options;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Presets;
using MonitorDashboard.Tests.Monitoring.History;
using MonitorDashboard.Tests.Presets;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.Checks;

/// <summary>
/// last_hash after a report went out, when presets.json's folder refuses new files (so the store's atomic write cannot
/// happen): kept in the history database, counted as the last hash, written to presets.json once it can be, and
/// dropped when someone else set last_hash meanwhile. Real files, a real database, a folder made unwritable for real.
/// </summary>
public sealed class UnsavedHashesTests : IAsyncDisposable
{
    private const string Id = EngineLists.ProductionId;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly TempPresetsFolder _presets;
    private readonly HistoryTestDatabase _db = new();
    private readonly IListStateStore _states;
    private readonly UnsavedHashes _unsaved;

    public UnsavedHashesTests()
    {
        _presets = new TempPresetsFolder(_clock);
        var list = EngineLists.Production();
        list["last_hash"] = "old";
        _presets.Write(EngineLists.File(list));
        _states = _db.Open();
        _unsaved = new UnsavedHashes(_presets.Store, new LastHashWrites(_presets.Store, Options.Create(new MonitoringOptions { LastHashWriteInterval = TimeSpan.Zero }), _clock), _states, _clock, NullLogger<UnsavedHashes>.Instance);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        _presets.Dispose();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task When_presets_json_cannot_be_written_save_says_why_and_keeps_the_hash_in_the_history()
    {
        var list = await ListAsync();
        using var locked = Unwritable();

        var reason = await _unsaved.SaveAsync(list, "new");

        Assert.StartsWith("the report was sent, but last_hash could not be saved to presets.json (", reason, StringComparison.Ordinal);
        Assert.EndsWith("it is kept in the run history, so the same report is not sent again, and written to presets.json once it can be",
            reason, StringComparison.Ordinal);
        Assert.Equal(("new", "old"), await KeptAsync());
        Assert.Equal("old", LastHashOnDisk());
    }

    [Fact]
    public async Task While_presets_json_still_has_the_old_hash_the_kept_one_counts_as_the_last_hash()
    {
        var list = await ListAsync();
        using var locked = Unwritable();
        await _unsaved.SaveAsync(list, "new");

        Assert.Equal("new", await _unsaved.EffectiveLastHashAsync(await ListAsync(), Ct));

        Assert.Equal(("new", "old"), await KeptAsync());
        Assert.Equal("old", LastHashOnDisk());
    }

    [Fact]
    public async Task Once_presets_json_is_writable_the_kept_hash_is_written_there_and_forgotten()
    {
        var list = await ListAsync();
        using (Unwritable())
        {
            await _unsaved.SaveAsync(list, "new");
        }

        Assert.Equal("new", await _unsaved.EffectiveLastHashAsync(await ListAsync(), Ct));

        Assert.Equal("new", LastHashOnDisk());
        Assert.Equal((null, null), await KeptAsync());
    }

    [Fact]
    public async Task The_tick_writes_kept_hashes_once_presets_json_is_writable_trying_at_most_every_thirty_seconds()
    {
        var list = await ListAsync();
        var locked = Unwritable();
        await _unsaved.SaveAsync(list, "new");
        await _unsaved.ReconcileDueAsync(await SnapshotAsync(), Ct);
        Assert.Equal(("new", "old"), await KeptAsync());
        locked.Dispose();

        _clock.Advance(UnsavedHashes.ReconcileInterval - TimeSpan.FromSeconds(1));
        await _unsaved.ReconcileDueAsync(await SnapshotAsync(), Ct);
        Assert.Equal("old", LastHashOnDisk());
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _unsaved.ReconcileDueAsync(await SnapshotAsync(), Ct);

        Assert.Equal("new", LastHashOnDisk());
        Assert.Equal((null, null), await KeptAsync());
    }

    [Fact]
    public async Task A_last_hash_someone_else_wrote_meanwhile_wins_and_the_kept_one_is_dropped()
    {
        var list = await ListAsync();
        using (Unwritable())
        {
            await _unsaved.SaveAsync(list, "new");
        }
        SetLastHashByHand("theirs");

        Assert.Equal("theirs", await _unsaved.EffectiveLastHashAsync(await ListAsync(), Ct));

        Assert.Equal("theirs", LastHashOnDisk());
        Assert.Equal((null, null), await KeptAsync());
    }

    [Fact]
    public async Task The_tick_also_lets_a_last_hash_someone_else_wrote_win()
    {
        var list = await ListAsync();
        using (Unwritable())
        {
            await _unsaved.SaveAsync(list, "new");
        }
        SetLastHashByHand("theirs");

        await _unsaved.ReconcileDueAsync(await SnapshotAsync(), Ct);

        Assert.Equal("theirs", LastHashOnDisk());
        Assert.Equal((null, null), await KeptAsync());
    }

    [Fact]
    public async Task A_second_report_not_saved_keeps_the_base_presets_json_still_has()
    {
        var list = await ListAsync();
        using var locked = Unwritable();

        await _unsaved.SaveAsync(list, "first");
        await _unsaved.SaveAsync(await ListAsync(), "second");

        Assert.Equal(("second", "old"), await KeptAsync());
        Assert.Equal("second", await _unsaved.EffectiveLastHashAsync(await ListAsync(), Ct));
    }

    [Fact]
    public async Task A_save_that_works_again_clears_a_hash_kept_earlier()
    {
        var list = await ListAsync();
        using (Unwritable())
        {
            await _unsaved.SaveAsync(list, "new");
        }

        Assert.Null(await _unsaved.SaveAsync(await ListAsync(), "newer"));

        Assert.Equal("newer", LastHashOnDisk());
        Assert.Equal((null, null), await KeptAsync());
    }

    [Fact]
    public async Task A_list_deleted_meanwhile_is_not_an_error_and_nothing_is_kept_for_it()
    {
        var list = await ListAsync();
        _presets.Write(EngineLists.File());

        Assert.Null(await _unsaved.SaveAsync(list, "new"));

        Assert.Equal((null, null), await KeptAsync());
    }

    [Fact]
    public async Task A_kept_hash_of_a_list_deleted_meanwhile_is_left_alone_by_the_tick()
    {
        var list = await ListAsync();
        using (Unwritable())
        {
            await _unsaved.SaveAsync(list, "new");
        }
        _presets.Write(EngineLists.File());

        await _unsaved.ReconcileDueAsync(await SnapshotAsync(), Ct);

        Assert.Equal("""{"presets":[],"monitoring_lists":[],"filepath":"presets.json"}""", _presets.Read());
    }

    private UnwritableFolder Unwritable() => UnwritableFolder.Make(_presets.Folder);

    private async Task<PresetsSnapshot> SnapshotAsync() => await _presets.Store.LoadAsync(Ct);

    private async Task<MonitoringList> ListAsync() => (await SnapshotAsync()).FindList(Id)!;

    private async Task<(string? Hash, string? Base)> KeptAsync()
    {
        var state = await _states.GetStateAsync(Id, Ct);
        return (state?.UnsavedHash, state?.UnsavedHashBase);
    }

    private string? LastHashOnDisk() =>
        (string?)JsonNode.Parse(_presets.Read())!["monitoring_lists"]!.AsArray().Single(l => (string?)l!["id"] == Id)!["last_hash"];

    /// <summary>Someone edits presets.json (by hand, the Python tool): only last_hash changes.</summary>
    private void SetLastHashByHand(string hash)
    {
        var document = JsonNode.Parse(_presets.Read())!;
        document["monitoring_lists"]!.AsArray().Single(l => (string?)l!["id"] == Id)!["last_hash"] = hash;
        _presets.Write(document.ToJsonString());
    }
}
