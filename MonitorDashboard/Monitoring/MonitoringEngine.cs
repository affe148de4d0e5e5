using System.Collections.Concurrent;
using Coravel.Invocable;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Notices;
using MonitorDashboard.Monitoring.Scheduling;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Monitoring;

/// <summary>
/// The running engine of the dashboard process: feeds the state service from presets.json and the history,
/// ticks the dispatcher, keeps track of checks in flight, notices runs recorded by other processes (the CLI),
/// and on shutdown stops starting checks and lets the running ones finish their bookkeeping.
/// </summary>
public sealed partial class MonitoringEngine(
    MonitorDispatcher dispatcher,
    CheckRunner runner,
    ListLeases leases,
    PresetsStore presets,
    MonitorState state,
    AdminNotifier admins,
    IRunStore history,
    ILogger<MonitoringEngine> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private IDisposable? _presetsSubscription;
    // The history's change mark of the newest run this process has seen; null until the history could be read.
    private long? _seenMark;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _presetsSubscription = presets.Subscribe(OnPresets);
        OnPresets(presets.Current ?? await presets.LoadAsync(cancellationToken));
        IReadOnlyDictionary<string, RunSummary> latest = new Dictionary<string, RunSummary>();
        try
        {
            // Runs cut short by a kill or a crash of this or another process end in the history before anything else.
            await leases.RecoverAbandonedAsync(cancellationToken);
            // The mark first: a run recorded in between is then seen twice, never missed.
            var mark = await history.LatestMarkAsync(cancellationToken);
            latest = await history.LatestPerListAsync(cancellationToken);
            _seenMark = mark;
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            // The dashboard still starts; runs are kept for later until the database answers (RunRecorder).
            LogHistoryUnreadable(ex);
            state.ReportSystemError("run history", $"the run history could not be read at start-up: {ex.Message}");
        }
        state.LoadLastRuns(latest);
    }

    private void OnPresets(PresetsSnapshot snapshot)
    {
        state.ApplyPresets(snapshot);
        if (snapshot.Restoration is { } restored)
        {
            state.ReportSystemError("presets.json",
                $"monitoring lists dropped by another program were restored ({string.Join(", ", restored.ListNames)}); its version is kept in {restored.BackupPath}");
            admins.ListsRestored(restored);
        }
    }

    /// <summary>One scheduler tick; Coravel calls it every second.</summary>
    public async Task TickAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }
        try
        {
            var tick = await dispatcher.TickAsync(_stopping.Token);
            foreach (var run in tick.Started)
            {
                Track(run);
            }
            await PickUpExternalRunsAsync();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogTickFailed(ex);
            state.ReportSystemError("scheduler", ex.Message);
        }
    }

    /// <summary>
    /// "Run now": the same pipeline as a scheduled run, tracked for shutdown. Never throws: whatever went wrong is in
    /// the outcome's message (and, once the run started, in the history), so a browser session never breaks on it.
    /// </summary>
    public Task<CheckOutcome> RunNowAsync(string listId)
    {
        // Off the caller's synchronization context (a Blazor circuit): a check is background work, and libraries
        // below it (template rendering, CSS inlining) may block on tasks that would need that context.
        var run = Task.Run(async () =>
        {
            try
            {
                return await runner.RunAsync(new CheckRequest(listId, RunTrigger.Manual), _stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return new CheckOutcome(CheckStatus.Error, "MonitorDashboard is stopping; the run was not started");
            }
            catch (Exception ex)
            {
                LogRunNowFailed(ex, listId);
                state.ReportSystemError("run now", ex.Message);
                return new CheckOutcome(CheckStatus.Error, $"the run could not be started: {ex.Message}");
            }
        });
        Track(run);
        return run;
    }

    /// <summary>
    /// Cancels every check: each ends in the history as interrupted (a report already being sent gets
    /// <c>Monitoring:StopGrace</c> to finish), so stopping takes seconds, not the length of a check.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        _presetsSubscription?.Dispose();
        try
        {
            await Task.WhenAll(_inFlight.Keys).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            LogStoppedWithChecks(_inFlight.Count);
        }
        catch (Exception ex)
        {
            LogFailedWhileStopping(ex);
        }
    }

    private void Track(Task<CheckOutcome> run)
    {
        _inFlight[run] = 0;
        _ = run.ContinueWith(done =>
        {
            _inFlight.TryRemove(done, out _);
            if (done.IsCompletedSuccessfully && done.Result.Status == CheckStatus.AlreadyRunning)
            {
                LogSkipped(done.Result.Message);
            }
            else if (done.IsFaulted)
            {
                LogCheckFailed(done.Exception);
            }
        }, TaskScheduler.Default);
    }

    /// <summary>
    /// Runs recorded by another process (the CLI's <c>monitor run</c>) appear in the dashboard too. Every tick asks the
    /// history only for runs newer than the last one seen, so an idle dashboard with a thousand lists reads nothing.
    /// </summary>
    private async Task PickUpExternalRunsAsync()
    {
        if (_seenMark is not { } mark)
        {
            // The history could not be read at start-up: catch up on every list's newest run once it can.
            var markNow = await history.LatestMarkAsync(_stopping.Token);
            foreach (var run in (await history.LatestPerListAsync(_stopping.Token)).Values)
            {
                Show(run);
            }
            _seenMark = markNow;
            return;
        }
        var recorded = await history.RunsAfterAsync(mark, _stopping.Token);
        foreach (var run in recorded.Runs)
        {
            Show(run);
        }
        _seenMark = recorded.Mark;

        void Show(RunSummary run)
        {
            if (state.Find(run.ListId)?.LastRun?.RunId != run.RunId)
            {
                state.MarkRunFinished(run);
            }
        }
    }

    public void Dispose() => _stopping.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "The run history could not be read at start-up")]
    private partial void LogHistoryUnreadable(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduler tick failed")]
    private partial void LogTickFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run now of {ListId} could not be started")]
    private partial void LogRunNowFailed(Exception exception, string listId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped with {Count} checks still finishing")]
    private partial void LogStoppedWithChecks(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A check failed while the app stopped")]
    private partial void LogFailedWhileStopping(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped a run: {Message}")]
    private partial void LogSkipped(string? message);

    [LoggerMessage(Level = LogLevel.Error, Message = "A check failed unexpectedly")]
    private partial void LogCheckFailed(Exception? exception);
}

/// <summary>The Coravel invocable behind the one-second dispatcher tick.</summary>
public sealed class DispatcherTick(MonitoringEngine engine) : IInvocable
{
    public Task Invoke() => engine.TickAsync();
}
