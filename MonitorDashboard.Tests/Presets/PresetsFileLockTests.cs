using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Presets;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Presets;

/// <summary>Writers take <c>presets.json.lock</c>; another process holding it makes a save wait, up to Presets:LockTimeout.</summary>
public sealed class PresetsFileLockTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly TempPresetsFolder _temp;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public PresetsFileLockTests() => _temp = new TempPresetsFolder(_time);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_save_creates_the_lock_file_beside_presets_json_and_leaves_it_there()
    {
        _temp.Write(PresetsSamples.PythonFile);
        var snapshot = await _temp.Store.LoadAsync(_ct);

        await _temp.Store.AddListAsync(PresetsSamples.ValidList(), snapshot.Version, _ct);

        Assert.Equal(_temp.FilePath + ".lock", _temp.Store.LockPath);
        Assert.True(File.Exists(_temp.Store.LockPath));
    }

    [Fact]
    public async Task Lock_held_by_another_process_makes_a_save_wait_then_succeed_once_it_is_released()
    {
        _temp.Write(PresetsSamples.PythonFile);
        var snapshot = await _temp.Store.LoadAsync(_ct);
        await using var other = await LockHolderProcess.StartAsync(_temp.Store.LockPath);

        var save = _temp.Store.AddListAsync(PresetsSamples.ValidList("Waited for the lock"), snapshot.Version, _ct);
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(5); waited += Step)
        {
            _time.Advance(Step);
            Assert.False(save.IsCompleted, $"the save finished while the other process held the lock ({waited})");
        }
        Assert.Equal(PresetsSamples.PythonFile, _temp.Read());

        await other.ReleaseAsync();
        var saved = await FakeClockAdvance.UntilDoneAsync(_time, save, Step);

        Assert.Equal("Waited for the lock", saved.List.Name);
        Assert.Contains("Waited for the lock", _temp.Read());
    }

    [Fact]
    public async Task Lock_held_past_the_timeout_refuses_the_save_naming_the_file_and_the_lock_and_writes_nothing()
    {
        _temp.Write(PresetsSamples.PythonFile);
        var snapshot = await _temp.Store.LoadAsync(_ct);
        await using var other = await LockHolderProcess.StartAsync(_temp.Store.LockPath);
        var started = _time.GetUtcNow();

        var save = _temp.Store.SetLastHashAsync(PresetsSamples.ListId, "abc", _ct);
        var ex = await Assert.ThrowsAsync<PresetsLockTimeoutException>(() => FakeClockAdvance.UntilDoneAsync(_time, save, Second));

        Assert.Equal(
            $"{_temp.FilePath} is being written by another program (lock file {_temp.FilePath}.lock); nothing was written, try again",
            ex.Message);
        Assert.InRange(_time.GetUtcNow() - started, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(11)); // Presets:LockTimeout's default
        Assert.Equal(PresetsSamples.PythonFile, _temp.Read());
        Assert.False(File.Exists(_temp.Store.BackupPath));
        Assert.Equal(snapshot.Version, (await _temp.Store.LoadAsync(_ct)).Version);
    }

    [Fact]
    public async Task The_timeout_comes_from_the_options()
    {
        using var quick = new TempPresetsFolder(_time, o => o.LockTimeout = TimeSpan.FromSeconds(2));
        quick.Write(PresetsSamples.PythonFile);
        await quick.Store.LoadAsync(_ct);
        await using var other = await LockHolderProcess.StartAsync(quick.Store.LockPath);
        var started = _time.GetUtcNow();

        await Assert.ThrowsAsync<PresetsLockTimeoutException>(() => FakeClockAdvance.UntilDoneAsync(_time, quick.Store.SetLastHashAsync(PresetsSamples.ListId, "abc", _ct), Second));

        Assert.InRange(_time.GetUtcNow() - started, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Two_stores_in_one_process_also_exclude_each_other()
    {
        _temp.Write(PresetsSamples.PythonFile);
        var second = _temp.NewStore();
        await _temp.Store.LoadAsync(_ct);
        // flock belongs to an open file, not a process: a second open in the same process is kept out too.
        await using (new FileStream(_temp.Store.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var save = second.SetLastHashAsync(PresetsSamples.ListId, "abc", _ct);
            _time.Advance(TimeSpan.FromSeconds(1));
            Assert.False(save.IsCompleted);
            await Assert.ThrowsAsync<PresetsLockTimeoutException>(() => FakeClockAdvance.UntilDoneAsync(_time, save, Second));
        }
        Assert.Null((await _temp.Store.LoadAsync(_ct)).FindList(PresetsSamples.ListId)!.LastHash);
    }
}
