using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Presets;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Presets;

/// <summary>
/// The Python tool's current release drops keys it does not know when it saves a preset, so presets.json comes back
/// valid but without <c>monitoring_lists</c>: our lists are put back, its change is kept, and a copy of what it wrote is kept.
/// </summary>
public sealed class PresetsRestorationTests : IDisposable
{
    /// <summary>What the Python tool writes after adding a preset to <see cref="PresetsSamples.PythonFile"/>: only the keys it knows.</summary>
    private const string PythonSave = """
        {
            "presets": [
                {
                    "name": "Test",
                    "items": [
                        { "part_id": 1525, "quantity": 5 },
                        { "part_id": "R-10K", "quantity": 2.5, "note": null }
                    ]
                },
                { "name": "Added in the Python tool", "items": [ { "part_id": 77, "quantity": 3 } ] }
            ],
            "filepath": "presets.json"
        }
        """;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 7, 58, 0, 123, TimeSpan.Zero));
    private readonly FakeLogCollector _logs = new();
    private readonly TempPresetsFolder _temp;
    private readonly PresetsStore _store;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public PresetsRestorationTests()
    {
        _temp = new TempPresetsFolder(_time);
        _store = _temp.NewStore(logger: new FakeLogger<PresetsStore>(_logs));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_python_save_without_monitoring_lists_gets_our_lists_back_and_keeps_its_preset_change()
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _store.LoadAsync(_ct);
        var ours = await _store.SetLastHashAsync(PresetsSamples.ListId, "abc123", _ct);
        var ourList = JsonNode.Parse(_temp.Read())!["monitoring_lists"]!.DeepClone();
        _time.Advance(TimeSpan.FromMinutes(5));
        _temp.Write(PythonSave);

        var snapshot = await _store.LoadAsync(_ct);

        var written = JsonNode.Parse(_temp.Read())!;
        Assert.True(JsonNode.DeepEquals(ourList, written["monitoring_lists"]), written.ToJsonString()); // ids, last_hash, unknown keys
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(PythonSave)!["presets"], written["presets"]));
        Assert.Equal("presets.json", (string?)written["filepath"]);
        Assert.Equal(["presets", "monitoring_lists", "filepath"], written.AsObject().Select(p => p.Key));

        Assert.Null(snapshot.FileError);
        Assert.Equal("abc123", snapshot.FindList(PresetsSamples.ListId)!.LastHash);
        Assert.Single(snapshot.SchedulableLists);
        Assert.Equal(2, snapshot.Document.Presets.Count);
        var restored = Assert.IsType<ListsRestored>(snapshot.Restoration);
        Assert.Equal(["Widget line, weekly"], restored.ListNames);
        Assert.Equal(_time.GetUtcNow(), restored.At);
        Assert.Equal(Path.Combine(_temp.BackupFolder, "presets.20261130T080300123Z.json"), restored.BackupPath);
        Assert.Equal(PythonSave, File.ReadAllText(restored.BackupPath)); // the Python tool's version, as found
        Assert.NotEqual(ours.Version, snapshot.Version);

        var warning = Assert.Single(_logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("Widget line, weekly", warning.Message, StringComparison.Ordinal);
        Assert.Contains(restored.BackupPath, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribers_hear_of_the_restoration_once()
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _store.LoadAsync(_ct);
        var told = new List<ListsRestored?>();
        using var _ = _store.Subscribe(s => told.Add(s.Restoration));

        _temp.Write(PythonSave);
        await _store.LoadAsync(_ct);
        var again = await _store.LoadAsync(_ct); // e.g. the watcher noticing our own write

        Assert.NotNull(Assert.Single(told));
        Assert.Null(again.Restoration);
        Assert.Single(again.MonitoringLists);
    }

    [Fact]
    public async Task An_empty_monitoring_lists_array_is_a_users_choice_and_is_respected()
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _store.LoadAsync(_ct);
        const string noLists = """{ "presets": [], "monitoring_lists": [], "filepath": "presets.json" }""";
        _temp.Write(noLists);

        var snapshot = await _store.LoadAsync(_ct);

        Assert.Null(snapshot.FileError);
        Assert.Null(snapshot.Restoration);
        Assert.Empty(snapshot.MonitoringLists);
        Assert.Equal(noLists, _temp.Read());
        Assert.Empty(_temp.Generations());
    }

    [Fact]
    public async Task A_last_hash_update_on_a_file_that_lost_its_lists_puts_them_back_and_records_the_hash()
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _store.LoadAsync(_ct);
        _temp.Write(PythonSave); // before the watcher noticed

        var snapshot = await _store.SetLastHashAsync(PresetsSamples.ListId, "after-the-drop", _ct);

        Assert.Equal("after-the-drop", snapshot.FindList(PresetsSamples.ListId)!.LastHash);
        Assert.NotNull(snapshot.Restoration);
        var written = JsonNode.Parse(_temp.Read())!;
        Assert.Equal("after-the-drop", (string?)written["monitoring_lists"]![0]!["last_hash"]);
        Assert.Equal("Added in the Python tool", (string?)written["presets"]![1]!["name"]);
        Assert.Equal(PythonSave, File.ReadAllText(Assert.Single(_temp.Generations())));
    }

    [Fact]
    public async Task A_user_save_based_on_the_version_before_the_drop_is_refused_and_the_lists_come_back_at_the_next_load()
    {
        _temp.Write(PresetsSamples.PythonFile);
        var before = await _store.LoadAsync(_ct);
        _temp.Write(PythonSave);

        await Assert.ThrowsAsync<PresetsConflictException>(() => _store.AddListAsync(PresetsSamples.ValidList(), before.Version, _ct));
        var reloaded = await _store.LoadAsync(_ct);

        Assert.NotNull(reloaded.Restoration);
        var saved = await _store.AddListAsync(PresetsSamples.ValidList("Added after"), reloaded.Version, _ct);
        Assert.Equal(["Widget line, weekly", "Added after"], saved.Snapshot.MonitoringLists.Select(l => l.Name));
    }

    [Fact]
    public async Task At_start_up_the_lists_come_back_from_the_last_version_this_app_wrote()
    {
        _temp.Write(PresetsSamples.PythonFile);
        var snapshot = await _store.LoadAsync(_ct);
        snapshot = (await _store.AddListAsync(PresetsSamples.ValidList("Second"), snapshot.Version, _ct)).Snapshot;
        await _store.SetLastHashAsync(PresetsSamples.ListId, "latest-hash", _ct);
        // The app stops; the Python tool saves; the app (or a monitor command) starts.
        _temp.Write(PythonSave);
        var fresh = _temp.NewStore();

        var started = await fresh.LoadAsync(_ct);

        Assert.Equal(["Widget line, weekly", "Second"], started.MonitoringLists.Select(l => l.Name));
        Assert.Equal("latest-hash", started.FindList(PresetsSamples.ListId)!.LastHash);
        Assert.NotNull(started.Restoration);
        Assert.Equal("Added in the Python tool", started.Document.Presets[1].Name);
    }

    [Fact]
    public async Task At_start_up_without_the_latest_copy_the_newest_generation_with_lists_is_used()
    {
        _temp.Write(PresetsSamples.PythonFile);
        var snapshot = await _store.LoadAsync(_ct);
        await _store.SetActiveAsync(PresetsSamples.ListId, false, snapshot.Version, _ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        File.Delete(_temp.LatestPath);
        Directory.CreateDirectory(_temp.BackupFolder);
        // a copy kept of an earlier drop is newer, but has no lists to give
        File.WriteAllText(Path.Combine(_temp.BackupFolder, "presets.20261130T080000000Z.json"), PythonSave);
        _temp.Write(PythonSave);

        var started = await _temp.NewStore().LoadAsync(_ct);

        Assert.True(started.FindList(PresetsSamples.ListId)!.Active); // the generation holds the version before the pause
        Assert.NotNull(started.Restoration);
    }

    [Fact]
    public async Task At_start_up_with_only_a_bak_the_bak_is_used()
    {
        File.WriteAllText(_temp.FilePath + ".bak", PresetsSamples.PythonFile);
        _temp.Write(PythonSave);

        var started = await _store.LoadAsync(_ct);

        Assert.Equal([PresetsSamples.ListId], started.MonitoringLists.Select(l => l.Id));
        Assert.Equal(PythonSave, File.ReadAllText(started.Restoration!.BackupPath));
    }

    [Fact]
    public async Task At_start_up_with_no_backups_a_file_without_lists_is_simply_a_file_without_lists()
    {
        _temp.Write(PythonSave);

        var started = await _store.LoadAsync(_ct);

        Assert.Null(started.FileError);
        Assert.Null(started.Restoration);
        Assert.Empty(started.MonitoringLists);
        Assert.Equal(PythonSave, _temp.Read());
    }

    [Fact]
    public async Task When_the_lock_is_held_too_long_the_lists_are_not_lost_but_reported_and_put_back_at_the_next_load()
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _store.LoadAsync(_ct);
        _temp.Write(PythonSave);
        await using var other = await LockHolderProcess.StartAsync(_store.LockPath);

        var blocked = await FakeClockAdvance.UntilDoneAsync(_time, _store.LoadAsync(_ct), TimeSpan.FromSeconds(1));
        await other.ReleaseAsync();

        Assert.Equal(PresetsFileProblem.ListsNotRestored, blocked.FileError?.Problem);
        Assert.Contains("without its monitoring lists", blocked.FileError!.Message, StringComparison.Ordinal);
        Assert.Contains("Widget line, weekly", blocked.FileError.Message, StringComparison.Ordinal);
        Assert.Empty(blocked.SchedulableLists);
        Assert.Equal(PythonSave, _temp.Read());

        var retried = await _store.LoadAsync(_ct);
        Assert.Null(retried.FileError);
        Assert.NotNull(retried.Restoration);
        Assert.Single(retried.MonitoringLists);
    }
}
