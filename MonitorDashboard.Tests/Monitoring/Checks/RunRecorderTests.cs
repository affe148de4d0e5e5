using MonitorDashboard.Cron;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Email;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Notices;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Tests.Email.Templates;
using MonitorDashboard.Tests.Monitoring.History;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.Checks;

/// <summary>
/// Every run ends in the history even while another process holds the database's write lock (a real python3 process
/// in a <c>BEGIN EXCLUSIVE</c> transaction) for longer than <c>History:BusyTimeout</c>: it waits in pending-runs, the
/// dashboard and the admins hear about it once, and it is written, whole and once, when the lock is gone.
/// </summary>
public sealed class RunRecorderTests : IAsyncDisposable
{
    private const string NoticeSubject = "[MonitorDashboard] Run history cannot be written";
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromMilliseconds(200);

    private readonly HistoryTestDatabase _db = new();
    private readonly FakeTimeProvider _clock = new(RunSamples.T0);
    private readonly EmailRendering _rendering = EmailRendering.Create();
    private readonly RecordingEmailSender _mail = new();
    private readonly SqliteRunHistory _history;
    private readonly SqliteRunLeases _leases;
    private readonly PendingRuns _pending;
    private readonly MonitorState _state;
    private readonly AdminNoticeSender _sender;
    private readonly RunRecorder _recorder;

    public RunRecorderTests()
    {
        (_history, _leases) = _db.OpenProcess(BusyTimeout);
        var monitoring = Options.Create(new MonitoringOptions());
        _pending = new PendingRuns(Options.Create(new HistoryOptions { DatabasePath = _db.Path, BusyTimeout = BusyTimeout }),
            NullLogger<PendingRuns>.Instance);
        _state = new MonitorState(_clock, Options.Create(new ScheduleOptions()), NullLogger<MonitorState>.Instance);
        var queue = new AdminNoticeQueue(NullLogger<AdminNoticeQueue>.Instance);
        var admins = new AdminNotifier(_history, queue, _clock, NullLogger<AdminNotifier>.Instance);
        _sender = new AdminNoticeSender(queue, _rendering.Notices, _mail, Options.Create(new EmailOptions { AdminRecipients = ["admin@example.com"] }),
            monitoring, _clock, NullLogger<AdminNoticeSender>.Instance);
        _recorder = new RunRecorder(_leases, _pending, _state, admins, NullLogger<RunRecorder>.Instance);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        _sender.Dispose();
        _rendering.Dispose();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task While_another_process_holds_the_database_runs_wait_whole_in_pending_runs_and_the_admins_are_told_once()
    {
        var (lease, run) = await ClaimedRunAsync("morning");
        var second = RunSamples.At("evening", 1);
        await using var holder = await LockHolderProcess.HoldDatabaseAsync(_db.Path);

        await _recorder.RecordAsync(run, lease);
        await _sender.DrainAsync(Ct);
        await _recorder.RecordAsync(second, null);
        await _sender.DrainAsync(Ct);

        Assert.Equal(2, _pending.Count);
        Assert.Equal(
            [.. new[] { run, second }.Select(r => r.Summary.RunId.ToString("N") + ".json").Order(StringComparer.Ordinal)],
            Directory.GetFiles(_pending.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(_state.RecentErrors, e =>
        {
            Assert.Equal("run history", e.Source);
            Assert.Contains(_pending.Folder, e.Message, StringComparison.Ordinal);
        });
        Assert.Equal(2, _state.RecentErrors.Count);
        Assert.Equal([NoticeSubject], _mail.Subjects);
        Assert.Contains("Morning build", _mail.Sent[0].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_the_lock_is_gone_a_waiting_run_is_written_with_everything_it_carried_and_its_file_removed()
    {
        var (lease, run) = await ClaimedRunAsync("morning");
        var holder = await LockHolderProcess.HoldDatabaseAsync(_db.Path);
        await using (holder)
        {
            await _recorder.RecordAsync(run, lease);
            // Still locked: the tick's attempt fails quietly and keeps the run.
            await _recorder.WriteWaitingAsync(Ct);
            Assert.Equal(1, _pending.Count);
            await holder.ReleaseAsync();
        }

        await _recorder.WriteWaitingAsync(Ct);

        Assert.Equal(RunSamples.Json(run), RunSamples.Json(await _history.GetAsync(run.Summary.RunId, Ct)));
        Assert.Empty(Directory.GetFiles(_pending.Folder));
        Assert.Equal(1, await _history.CountAsync("morning", Ct));
    }

    [Fact]
    public async Task A_run_written_late_gives_its_list_up_so_another_process_takes_it_without_recording_it_again()
    {
        var (lease, run) = await ClaimedRunAsync("morning");
        var holder = await LockHolderProcess.HoldDatabaseAsync(_db.Path);
        await using (holder)
        {
            await _recorder.RecordAsync(run, lease);
            await holder.ReleaseAsync();
        }

        await _recorder.WriteWaitingAsync(Ct);

        Assert.Empty(await _leases.ListAsync(Ct));
        // A `monitor run` process after the lease would have expired: the list is free, the run is not recorded twice.
        var (_, otherLeases) = _db.OpenProcess(BusyTimeout);
        var later = lease with { RunId = Guid.NewGuid(), Owner = LeaseOwner.ForCurrentProcess("monitor run"), StartedAt = lease.ExpiresAt.AddSeconds(1) };
        var claim = await otherLeases.TryAcquireAsync(later, Interrupted, Ct);
        Assert.Null(Assert.IsType<LeaseGranted>(claim).Abandoned);
        Assert.Equal(1, await _history.CountAsync("morning", Ct));
    }

    [Fact]
    public async Task A_run_written_late_replaces_the_interrupted_record_of_a_process_that_took_its_list_over_meanwhile()
    {
        var (lease, run) = await ClaimedRunAsync("morning");
        var holder = await LockHolderProcess.HoldDatabaseAsync(_db.Path);
        await using (holder)
        {
            await _recorder.RecordAsync(run, lease);
            await holder.ReleaseAsync();
        }
        var (_, otherLeases) = _db.OpenProcess(BusyTimeout);
        var successor = lease with { RunId = Guid.NewGuid(), Owner = LeaseOwner.ForCurrentProcess("monitor run"), StartedAt = lease.ExpiresAt };
        Assert.Equal(lease.RunId, Assert.IsType<LeaseGranted>(await otherLeases.TryAcquireAsync(successor, Interrupted, Ct)).Abandoned?.RunId);

        await _recorder.WriteWaitingAsync(Ct);

        // The run did end, with its report: that is what the history keeps, once; the successor keeps its claim.
        Assert.Equal(RunSamples.Json(run), RunSamples.Json(await _history.GetAsync(run.Summary.RunId, Ct)));
        Assert.Equal(1, await _history.CountAsync("morning", Ct));
        Assert.Equal([successor], await _leases.ListAsync(Ct));
        Assert.Equal(0, _pending.Count);
    }

    [Fact]
    public async Task A_waiting_run_that_was_already_written_is_not_written_twice()
    {
        // The process stopped after writing the run and before removing its file.
        var run = RunSamples.Full();
        await _history.AddAsync(run, Ct);
        await _pending.KeepAsync(run, Ct);

        await _recorder.WriteWaitingAsync(Ct);

        Assert.Equal(1, await _history.CountAsync(run.Summary.ListId, Ct));
        Assert.Equal(0, _pending.Count);
    }

    [Fact]
    public async Task A_run_recorded_while_the_database_answers_leaves_nothing_waiting_and_tells_nobody()
    {
        var (lease, run) = await ClaimedRunAsync("morning");

        await _recorder.RecordAsync(run, lease);
        await _sender.DrainAsync(Ct);

        Assert.NotNull(await _history.GetAsync(run.Summary.RunId, Ct));
        Assert.Empty(await _leases.ListAsync(Ct));
        Assert.Equal(0, _pending.Count);
        Assert.Empty(_state.RecentErrors);
        Assert.Empty(_mail.Sent);
    }

    /// <summary>A full run of <paramref name="listId"/> holding its lease, as a check ends; the database file exists from here on.</summary>
    private async Task<(RunLease Lease, RunRecord Run)> ClaimedRunAsync(string listId)
    {
        var now = _clock.GetUtcNow();
        var lease = new RunLease(listId, Guid.NewGuid(), "Morning build", RunTrigger.Schedule, now, now, now.AddMinutes(1),
            LeaseOwner.ForCurrentProcess("MonitorDashboard"), "starting", "corr-1");
        Assert.IsType<LeaseGranted>(await _leases.TryAcquireAsync(lease, Interrupted, Ct));
        var full = RunSamples.Full(listId);
        return (lease, full with { Summary = full.Summary with { RunId = lease.RunId } });
    }

    private static RunRecord Interrupted(RunLease lease) => new(
        new RunSummary(lease.RunId, lease.ListId, lease.ListName, lease.Trigger, lease.ScheduledFor, lease.StartedAt, lease.ExpiresAt,
            RunOutcome.Interrupted, RunCounts.None, null, false, null, RunReasons.Abandoned(lease), lease.CorrelationId),
        null, null, null);
}
