using MonitorDashboard.Monitoring;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Cron;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Notices;
using MonitorDashboard.Monitoring.Scheduling;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Tests.Monitoring.History;
using MonitorDashboard.Tests.Presets;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.Scheduling;

/// <summary>
/// The end of a tick catches up on writes that failed earlier, on real files and a real database: a last_hash kept in
/// the history reaches presets.json, and a run kept in pending-runs reaches the history.
/// </summary>
public sealed class DeferredWritesTests : IAsyncDisposable
{
    private const string Id = EngineLists.ProductionId;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly TempPresetsFolder _presets;
    private readonly HistoryTestDatabase _db = new();
    private readonly SqliteRunHistory _history;
    private readonly PendingRuns _pending;
    private readonly DeferredWrites _deferred;

    public DeferredWritesTests()
    {
        _presets = new TempPresetsFolder(_clock);
        var list = EngineLists.Production();
        list["last_hash"] = "old";
        _presets.Write(EngineLists.File(list));
        (_history, var leases) = _db.OpenProcess();
        _pending = new PendingRuns(Options.Create(new HistoryOptions { DatabasePath = _db.Path }), NullLogger<PendingRuns>.Instance);
        var state = new MonitorState(_clock, Options.Create(new ScheduleOptions()), NullLogger<MonitorState>.Instance);
        var admins = new AdminNotifier(_history, new AdminNoticeQueue(NullLogger<AdminNoticeQueue>.Instance), _clock, NullLogger<AdminNotifier>.Instance);
        _deferred = new DeferredWrites(
            new UnsavedHashes(_presets.Store, new LastHashWrites(_presets.Store, Options.Create(new MonitoringOptions { LastHashWriteInterval = TimeSpan.Zero }), _clock), _history, _clock, NullLogger<UnsavedHashes>.Instance),
            new RunRecorder(leases, _pending, state, admins, NullLogger<RunRecorder>.Instance));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        _presets.Dispose();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task A_kept_last_hash_goes_to_presets_json_and_a_kept_run_to_the_history()
    {
        await _history.UpdateStateAsync(Id, s => s with { UnsavedHash = "new", UnsavedHashBase = "old" }, Ct);
        var waiting = RunSamples.At(Id, 0);
        Assert.True(await _pending.KeepAsync(waiting, Ct));

        await _deferred.RetryAsync(await _presets.Store.LoadAsync(Ct), Ct);

        Assert.Equal("new", (await _presets.Store.LoadAsync(Ct)).FindList(Id)!.LastHash);
        Assert.Null((await _history.GetStateAsync(Id, Ct))!.UnsavedHash);
        Assert.Equal(waiting.Summary.RunId, Assert.Single(await _history.ListAsync(Id, 0, 10, Ct)).RunId);
        Assert.Equal(0, _pending.Count);
    }
}
