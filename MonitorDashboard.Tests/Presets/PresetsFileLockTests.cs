using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Presets;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Presets;

/// <summary>Writers take <c>presets.json.lock</c>; another process holding it makes a save wait, up to Presets:LockTimeout.</summary>
public sealed class PresetsFileLockTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly TempPresetsFolder temp;
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    public PresetsFileLockTests() => temp = new TempPresetsFolder(time);

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_save_creates_the_lock_file_beside_presets_json_and_leaves_it_there()
    {
        temp.Write(PresetsSamples.PythonFile);
        var snapshot = await temp.Store.LoadAsync(ct);

        await temp.Store.AddListAsync(PresetsSamples.ValidList(), snapshot.Version, ct);

        Assert.Equal(temp.FilePath + ".lock", temp.Store.LockPath);
        Assert.True(File.Exists(temp.Store.LockPath));
    }

    [Fact]
    public async Task Lock_held_by_another_process_makes_a_save_wait_then_succeed_once_it_is_released()
    {
        temp.Write(PresetsSamples.PythonFile);
        var snapshot = await temp.Store.LoadAsync(ct);
        await using var other = await LockHolderProcess.StartAsync(temp.Store.LockPath);

        var save = temp.Store.AddListAsync(PresetsSamples.ValidList("Waited for the lock"), snapshot.Version, ct);
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(5); waited += Step)
        {
            time.Advance(Step);
            Assert.False(save.IsCompleted, $"the save finished while the other process held the lock ({waited})");
        }
        Assert.Equal(PresetsSamples.PythonFile, temp.Read());

        await other.ReleaseAsync();
        var saved = await FakeClockAdvance.UntilDoneAsync(time, save, Step);

        Assert.Equal("Waited for the lock", saved.List.Name);
        Assert.Contains("Waited for the lock", temp.Read());
    }

    [Fact]
    public async Task Lock_held_past_the_timeout_refuses_the_save_naming_the_file_and_the_lock_and_writes_nothing()
    {
        temp.Write(PresetsSamples.PythonFile);
        var snapshot = await temp.Store.LoadAsync(ct);
        await using var other = await LockHolderProcess.StartAsync(temp.Store.LockPath);
        var started = time.GetUtcNow();

        var save = temp.Store.SetLastHashAsync(PresetsSamples.ListId, "abc", ct);
        var ex = await Assert.ThrowsAsync<PresetsLockTimeoutException>(() => FakeClockAdvance.UntilDoneAsync(time, save, Second));

        Assert.Equal(
            $"{temp.FilePath} is being written by another program (lock file {temp.FilePath}.lock); nothing was written, try again",
            ex.Message);
        Assert.InRange(time.GetUtcNow() - started, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(11)); // Presets:LockTimeout's default
        Assert.Equal(PresetsSamples.PythonFile, temp.Read());
        Assert.False(File.Exists(temp.Store.BackupPath));
        Assert.Equal(snapshot.Version, (await temp.Store.LoadAsync(ct)).Version);
    }

    [Fact]
    public async Task The_timeout_comes_from_the_options()
    {
        using var quick = new TempPresetsFolder(time, o => o.LockTimeout = TimeSpan.FromSeconds(2));
        quick.Write(PresetsSamples.PythonFile);
        await quick.Store.LoadAsync(ct);
        await using var other = await LockHolderProcess.StartAsync(quick.Store.LockPath);
        var started = time.GetUtcNow();

        await Assert.ThrowsAsync<PresetsLockTimeoutException>(() => FakeClockAdvance.UntilDoneAsync(time, quick.Store.SetLastHashAsync(PresetsSamples.ListId, "abc", ct), Second));

        Assert.InRange(time.GetUtcNow() - started, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Two_stores_in_one_process_also_exclude_each_other()
    {
        temp.Write(PresetsSamples.PythonFile);
        var second = temp.NewStore();
        await temp.Store.LoadAsync(ct);
        // flock belongs to an open file, not a process: a second open in the same process is kept out too.
        await using (new FileStream(temp.Store.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var save = second.SetLastHashAsync(PresetsSamples.ListId, "abc", ct);
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.False(save.IsCompleted);
            await Assert.ThrowsAsync<PresetsLockTimeoutException>(() => FakeClockAdvance.UntilDoneAsync(time, save, Second));
        }
        Assert.Null((await temp.Store.LoadAsync(ct)).FindList(PresetsSamples.ListId)!.LastHash);
    }
}
