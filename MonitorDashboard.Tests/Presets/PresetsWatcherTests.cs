using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Tests.Presets;

public sealed class PresetsWatcherTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly TempPresetsFolder _temp;
    private readonly PresetsWatcher _watcher;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public PresetsWatcherTests()
    {
        _temp = new TempPresetsFolder(_time);
        _watcher = new PresetsWatcher(_temp.Store, _temp.Options, _time, NullLogger<PresetsWatcher>.Instance);
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Starting_loads_the_file()
    {
        _temp.Write(PresetsSamples.PythonFile);

        await _watcher.StartAsync(_ct);

        Assert.Single(_temp.Store.Current!.MonitoringLists);
    }

    [Fact]
    public async Task An_edit_by_another_program_is_reloaded_and_published()
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _watcher.StartAsync(_ct);
        var changed = NextSnapshot(s => s.FindList(PresetsSamples.ListId)?.Name == "Edited");

        _temp.Write(PresetsSamples.PythonFile.Replace("Widget line, weekly", "Edited"));

        await AdvanceUntilAsync(changed);
    }

    [Fact]
    public async Task A_file_an_editor_replaces_by_rename_is_reloaded()
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _watcher.StartAsync(_ct);
        var changed = NextSnapshot(s => s.FindList(PresetsSamples.ListId)?.Name == "Saved by vim");
        var swap = Path.Combine(_temp.Folder, ".presets.json.swp");

        File.WriteAllText(swap, PresetsSamples.PythonFile.Replace("Widget line, weekly", "Saved by vim"));
        File.Move(swap, _temp.FilePath, overwrite: true);

        await AdvanceUntilAsync(changed);
    }

    [Fact]
    public async Task A_broken_file_is_reported_then_picked_up_once_fixed()
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _watcher.StartAsync(_ct);

        var broken = NextSnapshot(s => s.IsMalformed);
        _temp.Write("{ \"monitoring_lists\": [");
        var brokenSnapshot = await AdvanceUntilAsync(broken);
        Assert.Empty(brokenSnapshot.SchedulableLists);
        Assert.Equal("{ \"monitoring_lists\": [", _temp.Read());

        var fixedAgain = NextSnapshot(s => !s.IsMalformed);
        _temp.Write(PresetsSamples.PythonFile);
        var fixedSnapshot = await AdvanceUntilAsync(fixedAgain);
        Assert.Single(fixedSnapshot.SchedulableLists);
    }

    [Fact]
    public async Task A_deleted_file_is_published_as_an_error_within_one_poll_interval()
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _watcher.StartAsync(_ct);
        var lost = NextSnapshot(s => s.FileError is not null);

        File.Delete(_temp.FilePath);
        _time.Advance(_temp.Options.Value.PollInterval);

        var snapshot = await lost.WaitAsync(TimeSpan.FromSeconds(10), _ct);
        Assert.Equal(PresetsFileProblem.Missing, snapshot.FileError!.Problem);
        Assert.Contains("has disappeared (it had 1 monitoring list)", snapshot.FileError.Message);
        Assert.Empty(snapshot.SchedulableLists);
        Assert.False(File.Exists(_temp.FilePath));
    }

    [Fact]
    public async Task An_unreadable_file_is_published_as_an_error_and_read_again_once_it_is_back()
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _watcher.StartAsync(_ct);

        var unreadable = NextSnapshot(s => s.FileError?.Problem == PresetsFileProblem.Unreadable);
        File.Delete(_temp.FilePath);
        Directory.CreateDirectory(_temp.FilePath); // reading it fails, as a file without read permission would
        var error = await AdvanceUntilAsync(unreadable);
        Assert.Contains("cannot be read", error.FileError!.Message);

        var back = NextSnapshot(s => s.FileError is null);
        Directory.Delete(_temp.FilePath);
        _temp.Write(PresetsSamples.PythonFile);
        Assert.Single((await AdvanceUntilAsync(back)).SchedulableLists);
    }

    [Fact]
    public async Task An_unreadable_file_is_tried_again_at_every_poll_since_restored_permissions_change_no_time_stamp()
    {
        var files = new InterleavingFileSystem(_temp.FilePath);
        var store = _temp.NewStore(files);
        using var ownWatcher = new PresetsWatcher(store, _temp.Options, _time, NullLogger<PresetsWatcher>.Instance);
        _temp.Write(PresetsSamples.PythonFile);
        await ownWatcher.StartAsync(_ct);

        files.ReadFailure = new UnauthorizedAccessException("Access to the path is denied.");
        File.SetLastWriteTimeUtc(_temp.FilePath, DateTime.UtcNow.AddMinutes(1)); // e.g. chmod plus touch: one change is seen
        var denied = NextSnapshot(store, s => s.FileError?.Problem == PresetsFileProblem.Unreadable);
        await AdvanceUntilAsync(denied);

        var back = NextSnapshot(store, s => s.FileError is null);
        files.ReadFailure = null; // permissions restored: same size, same time stamp
        Assert.Single((await AdvanceUntilAsync(back)).SchedulableLists);
        await ownWatcher.StopAsync(_ct);
    }

    [Fact]
    public async Task Lists_the_python_tool_dropped_are_put_back_and_published_once()
    {
        _temp.Write(PresetsSamples.PythonFile);
        await _watcher.StartAsync(_ct);
        var restored = NextSnapshot(s => s.Restoration is not null);

        _temp.Write("""{ "presets": [], "filepath": "presets.json" }""");

        var snapshot = await AdvanceUntilAsync(restored);
        Assert.Equal(["Widget line, weekly"], snapshot.Restoration!.ListNames);
        Assert.Contains(PresetsSamples.ListId, _temp.Read());
    }

    [Fact]
    public async Task On_the_real_clock_a_change_by_another_program_is_noticed_within_two_seconds()
    {
        _temp.Write(PresetsSamples.PythonFile);
        using var realWatcher = new PresetsWatcher(_temp.Store, _temp.Options, TimeProvider.System, NullLogger<PresetsWatcher>.Instance);
        await realWatcher.StartAsync(_ct);
        var changed = NextSnapshot(s => s.MonitoringLists.Count == 0);

        _temp.Write("{ \"presets\": [], \"monitoring_lists\": [] }");

        // Two seconds is the product promise; the extra second absorbs a busy build machine.
        await changed.WaitAsync(TimeSpan.FromSeconds(3), _ct);
        await realWatcher.StopAsync(_ct);
    }

    private Task<PresetsSnapshot> NextSnapshot(Func<PresetsSnapshot, bool> condition) => NextSnapshot(_temp.Store, condition);

    private static Task<PresetsSnapshot> NextSnapshot(PresetsStore store, Func<PresetsSnapshot, bool> condition)
    {
        var signal = new TaskCompletionSource<PresetsSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        IDisposable? subscription = null;
        subscription = store.Subscribe(s =>
        {
            if (condition(s) && signal.TrySetResult(s))
            {
                subscription?.Dispose();
            }
        });
        return signal.Task;
    }

    // File-system events arrive on their own thread; keep moving the fake clock (debounce and poll timers)
    // until the change is published, with a real-time deadline.
    private async Task<PresetsSnapshot> AdvanceUntilAsync(Task<PresetsSnapshot> signal)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!signal.IsCompleted && DateTime.UtcNow < deadline)
        {
            _time.Advance(TimeSpan.FromMilliseconds(300));
            try
            {
                return await signal.WaitAsync(TimeSpan.FromMilliseconds(50), _ct);
            }
            catch (TimeoutException)
            {
                // not yet: advance again
            }
        }
        return await signal.WaitAsync(TimeSpan.Zero, _ct);
    }
}
