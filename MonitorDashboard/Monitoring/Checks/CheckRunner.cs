using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using MonitorDashboard.Email;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Notices;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Presets;
using Serilog.Context;

namespace MonitorDashboard.Monitoring.Checks;

/// <summary>
/// The one pipeline for scheduled runs, "Run now", catch-up and the CLI: a list never runs twice at once (in this
/// process, and across processes through a lease in the history database), at most <c>Monitoring:MaxConcurrentChecks</c>
/// checks at a time (the rest queue), each within <c>Monitoring:CheckTimeout</c>, a correlation id in every log line.
/// Whatever happens inside a check — InvenTree, template, SMTP, disk, deadline, shutdown, a bug — the run ends in the
/// history with a reason a person understands, counts in the failure streak and reaches the admins by the notice rules.
/// A failing list never affects the others.
/// </summary>
public sealed partial class CheckRunner : IDisposable
{
    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _slots;
    private readonly PresetsStore _presets;
    private readonly ListCheck _check;
    private readonly CheckThreads _threads;
    private readonly ListLeases _leases;
    private readonly RunRecorder _recorder;
    private readonly AdminNotifier _admins;
    private readonly MonitorState _state;
    private readonly RunTracker _tracker;
    private readonly MonitoringOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CheckRunner> _logger;

    public CheckRunner(PresetsStore presets, ListCheck check, CheckThreads threads, ListLeases leases, RunRecorder recorder, AdminNotifier admins,
        MonitorState state, RunTracker tracker, IOptions<MonitoringOptions> options, TimeProvider time, ILogger<CheckRunner> logger)
    {
        _presets = presets;
        _check = check;
        _threads = threads;
        _leases = leases;
        _recorder = recorder;
        _admins = admins;
        _state = state;
        _tracker = tracker;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _slots = new SemaphoreSlim(_options.MaxConcurrentChecks);
    }

    /// <summary>Checks waiting for a slot or running now (for tests and the status page).</summary>
    public int InFlight => _running.Count;

    public async Task<CheckOutcome> RunAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        var snapshot = _presets.Current ?? await _presets.LoadAsync(cancellationToken);
        if (snapshot.FileError is { } fileError)
        {
            // An unusable file has no lists to look the id up in: say why nothing runs, not "no list with id".
            return new CheckOutcome(CheckStatus.Invalid, $"not run: {fileError}");
        }
        if (snapshot.FindList(request.ListId) is not { } list)
        {
            return CheckOutcome.NotFound(request.ListId);
        }
        if (!snapshot.IsValid(list.Id))
        {
            var reasons = string.Join("; ", snapshot.ValidationOf(list.Id)?.Errors.Select(e => e.Message) ?? []);
            return new CheckOutcome(CheckStatus.Invalid, $"list '{list.Name}' is invalid and is not run: {reasons}");
        }
        if (!_running.TryAdd(list.Id, 0))
        {
            var busy = RunReasons.StillRunning(list.Name);
            LogNotRun(list.Name, busy);
            if (IsScheduled(request) && !request.DryRun)
            {
                await RecordMissedAsync(list, request, Guid.NewGuid(), busy);
            }
            return new CheckOutcome(CheckStatus.AlreadyRunning, $"'{list.Name}' is already running");
        }

        var runId = Guid.NewGuid();
        var correlationId = runId.ToString("N")[..12];
        using var correlation = LogContext.PushProperty("CorrelationId", correlationId);
        using var listProperty = LogContext.PushProperty("ListId", list.Id);
        var progress = new CheckProgress();
        try
        {
            if (!request.DryRun)
            {
                _state.MarkRunStarted(list.Id, request.Trigger, runId);
            }
            using var tracked = _tracker.Queued(list.Id, list.Name, request.Trigger, progress);
            progress.Enter("waiting for a free check slot");
            try
            {
                await _slots.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                var now = _time.GetUtcNow();
                var stopped = ListCheck.Recorded(list, request, Context(runId, correlationId, progress), now, now, RunOutcome.Interrupted,
                    RunReasons.StoppedBeforeStart(request.Trigger));
                if (!request.DryRun)
                {
                    await _recorder.RecordAsync(stopped, null);
                }
                return CheckOutcome.Completed(stopped);
            }
            var slot = new SlotHold(_slots);
            try
            {
                tracked.Started(_options.CheckTimeout);
                return await RunClaimedAsync(list, request, runId, correlationId, progress, slot.Leave, cancellationToken);
            }
            finally
            {
                slot.Leave();
            }
        }
        finally
        {
            _running.TryRemove(list.Id, out _);
            if (!request.DryRun)
            {
                // No-op after the run was recorded; clears the spinner of a run that could not be.
                _state.ClearRunning(list.Id);
            }
        }
    }

    private async Task<CheckOutcome> RunClaimedAsync(MonitoringList list, CheckRequest request, Guid runId, string correlationId,
        CheckProgress progress, Action leaveSlot, CancellationToken stopping)
    {
        RunLease? lease = null;
        if (!request.DryRun)
        {
            progress.Enter("claiming the list in the run history");
            LeaseClaim? claim;
            try
            {
                claim = await _leases.AcquireAsync(list, request, runId, correlationId, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                var now = _time.GetUtcNow();
                var notStarted = ListCheck.Recorded(list, request, Context(runId, correlationId, progress), now, now, RunOutcome.Interrupted,
                    RunReasons.StoppedBeforeStart(request.Trigger));
                await _recorder.RecordAsync(notStarted, null);
                return CheckOutcome.Completed(notStarted);
            }
            switch (claim)
            {
                case LeaseRefused refused:
                    var elsewhere = RunReasons.RunningElsewhere(refused.Holder);
                    LogNotRun(list.Name, elsewhere);
                    if (IsScheduled(request))
                    {
                        await RecordMissedAsync(list, request, runId, elsewhere);
                    }
                    return new CheckOutcome(CheckStatus.AlreadyRunning,
                        $"'{list.Name}' is already running in {refused.Holder.Owner.Describe()}");
                case LeaseGranted granted:
                    lease = granted.Lease;
                    if (granted.Abandoned is { } abandoned)
                    {
                        _state.MarkRunFinished(abandoned);
                    }
                    break;
            }
        }

        // The deadline and the shutdown note what the check was waiting for before they cancel it: cancelling unwinds
        // the fetch steps that say so ("fetching the BOM of Widget Assembly").
        using var deadline = new CancellationTokenSource();
        await using var deadlineTimer = _time.CreateTimer(_ => CutOff(deadline), null, _options.CheckTimeout, Timeout.InfiniteTimeSpan);
        // A report already being sent gets a short grace when the app stops, so it is not cut off in the middle.
        using var stopGrace = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        using var stopped = new CancellationTokenSource();
        using var stopRegistration = stopping.Register(() =>
        {
            stopGrace.CancelAfter(_options.StopGrace);
            CutOff(stopped);
        });
        using var checkToken = CancellationTokenSource.CreateLinkedTokenSource(stopped.Token, deadline.Token);
        using var sendToken = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, stopGrace.Token);
        using var keeping = new CancellationTokenSource();
        var keeper = lease is null ? Task.CompletedTask : _leases.KeepAsync(lease, progress, keeping.Token);

        var context = Context(runId, correlationId, progress) with
        {
            CancellationToken = checkToken.Token, SendToken = sendToken.Token, LeaveSlot = leaveSlot,
        };
        var startedAt = _time.GetUtcNow();
        LogStarted(list.Name, request.Trigger);
        RunRecord record;
        try
        {
            record = await _threads.RunAsync(() => _check.RunAsync(list, request, context));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            record = Ended(RunOutcome.Failed, RunReasons.TimedOut(_options.CheckTimeout, progress.Describe()));
            LogTimedOut(list.Name, record.Summary.Error);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            record = Ended(RunOutcome.Interrupted, RunReasons.Stopped(progress.Describe(), request.Trigger));
            LogInterrupted(list.Name, progress.Describe());
        }
        catch (Exception ex)
        {
            // A bug or an unexpected failure in one list's check: recorded like any failure, never the end of the others.
            record = Ended(RunOutcome.Failed, RunReasons.Crashed(ex, progress.Describe(), correlationId));
            LogCrashed(ex, list.Name);
            _state.ReportSystemError($"check {list.Name}", record.Summary.Error!);
        }
        finally
        {
            await keeping.CancelAsync();
            await keeper;
        }

        if (request.DryRun)
        {
            return CheckOutcome.Completed(record);
        }
        await _recorder.RecordAsync(record, lease);
        await _admins.AfterRunAsync(list, record.Summary, CancellationToken.None);
        LogFinished(list.Name, record.Summary.FinishedAt - record.Summary.StartedAt, record.Summary.Outcome);
        return CheckOutcome.Completed(record);

        RunRecord Ended(RunOutcome outcome, string reason) =>
            ListCheck.Recorded(list, request, context, startedAt, _time.GetUtcNow(), outcome, reason);

        void CutOff(CancellationTokenSource source)
        {
            progress.CutOff();
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The check had already ended.
            }
        }
    }

    private async Task RecordMissedAsync(MonitoringList list, CheckRequest request, Guid runId, string reason)
    {
        var now = _time.GetUtcNow();
        var summary = new RunSummary(runId, list.Id, list.Name, request.Trigger, request.ScheduledFor, now, now, RunOutcome.Missed,
            RunCounts.None, null, false, null, reason, null);
        await _recorder.RecordAsync(new RunRecord(summary, null, null, null), null);
    }

    private static CheckContext Context(Guid runId, string correlationId, CheckProgress progress) =>
        new(runId, correlationId, progress, CancellationToken.None, CancellationToken.None);

    private static bool IsScheduled(CheckRequest request) => request.Trigger is RunTrigger.Schedule or RunTrigger.CatchUp;

    /// <summary>What a user reads in a snackbar or on stderr.</summary>
    public static string Describe(RunRecord run)
    {
        var s = run.Summary;
        return s.Outcome switch
        {
            RunOutcome.Failed => $"check failed: {s.Error}",
            RunOutcome.EmailFailed => $"report could not be sent: {s.Error}",
            RunOutcome.SkippedUnchanged => RunOutcomeText.Label(RunOutcome.SkippedUnchanged),
            RunOutcome.Interrupted or RunOutcome.Missed => s.Error ?? "not run",
            RunOutcome.SentHashNotSaved => $"report sent to {Accepted(run.Delivery)}, but {WhyNotSaved(s.Error)}",
            _ when run.Delivery is { Outcome: DeliveryOutcome.Disabled } => "email is globally disabled; nothing sent",
            _ when run.Delivery is { } d => $"report sent to {Accepted(d)}"
                                            + (d.Outcome == DeliveryOutcome.PartiallySent ? $", {d.Recipients.Count(r => !r.Accepted)} rejected" : ""),
            _ => "calculated (dry run, nothing sent)",
        };

        static string Accepted(DeliveryResult? d)
        {
            var count = d?.Recipients.Count(r => r.Accepted) ?? 0;
            return $"{count} recipient{(count == 1 ? "" : "s")}";
        }

        // The reason reads "the report was sent, but …" on its own (history, notices); here that is said already.
        static string? WhyNotSaved(string? error) =>
            error is not null && error.StartsWith(UnsavedHashes.SentLead, StringComparison.Ordinal) ? error[UnsavedHashes.SentLead.Length..] : error;
    }

    public void Dispose() => _slots.Dispose();

    /// <summary>A check's slot, given back once: when the check says it needs it no longer, or when it ends.</summary>
    private sealed class SlotHold(SemaphoreSlim slots)
    {
        private int _left;

        public void Leave()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                slots.Release();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Check of {ListName} ({Trigger}) started")]
    private partial void LogStarted(string listName, RunTrigger trigger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Check of {ListName} finished in {Elapsed}: {Outcome}")]
    private partial void LogFinished(string listName, TimeSpan elapsed, RunOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Check of {ListName}: {Reason}")]
    private partial void LogNotRun(string listName, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Check of {ListName} {Reason}")]
    private partial void LogTimedOut(string listName, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Check of {ListName} interrupted by shutdown while {Stage}")]
    private partial void LogInterrupted(string listName, string stage);

    [LoggerMessage(Level = LogLevel.Error, Message = "Check of {ListName} crashed")]
    private partial void LogCrashed(Exception exception, string listName);
}
