using System.Diagnostics;
using Microsoft.Data.Sqlite;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.History;

/// <summary>
/// The run leases on a real database file: who may check a list, what happens to the run of a holder that is gone, and
/// two "processes" (two database objects with their own pools on one file) competing for the same list.
/// </summary>
public sealed class SqliteRunLeasesTests : IAsyncDisposable
{
    private static readonly DateTimeOffset T0 = RunSamples.T0;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly HistoryTestDatabase _db = new();
    private readonly List<RunLease> _abandonedAsked = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_free_list_is_granted_and_its_lease_is_listed()
    {
        var (_, leases) = _db.OpenProcess();
        var wanted = Lease("morning", LiveOwner(), T0);

        var granted = Assert.IsType<LeaseGranted>(await leases.TryAcquireAsync(wanted, Abandoned, Ct));

        Assert.Equal((wanted, null), (granted.Lease, granted.Abandoned));
        Assert.Equal([wanted], await leases.ListAsync(Ct));
        Assert.Empty(_abandonedAsked);
    }

    [Fact]
    public async Task A_list_held_by_another_live_owner_is_refused_and_nothing_is_recorded()
    {
        var (history, leases) = _db.OpenProcess();
        // Another host in this very process: alive for sure, told apart by its instance.
        var holder = Lease("morning", LiveOwner("monitor run"), T0);
        await leases.TryAcquireAsync(holder, Abandoned, Ct);

        var claim = await leases.TryAcquireAsync(Lease("morning", LiveOwner(), T0.AddSeconds(59)), Abandoned, Ct);

        Assert.Equal(holder, Assert.IsType<LeaseRefused>(claim).Holder);
        Assert.Equal([holder], await leases.ListAsync(Ct));
        Assert.Empty(_abandonedAsked);
        Assert.Equal(0, await history.CountAsync("morning", Ct));
    }

    [Fact]
    public async Task A_list_held_from_another_machine_is_refused_until_its_lease_expires_and_then_taken_over()
    {
        var (history, leases) = _db.OpenProcess();
        var holder = Lease("morning", new LeaseOwner("planner-pc-elsewhere", 4711, T0.AddDays(-1), Guid.NewGuid(), "monitor run"), T0);
        await leases.TryAcquireAsync(holder, Abandoned, Ct);

        var early = await leases.TryAcquireAsync(Lease("morning", LiveOwner(), T0 + Lifetime - TimeSpan.FromTicks(1)), Abandoned, Ct);
        var wanted = Lease("morning", LiveOwner(), T0 + Lifetime);
        var late = await leases.TryAcquireAsync(wanted, Abandoned, Ct);

        Assert.IsType<LeaseRefused>(early);
        Assert.Equal(wanted, Assert.IsType<LeaseGranted>(late).Lease);
        Assert.Equal(holder.RunId, Assert.Single(_abandonedAsked).RunId);
        Assert.Equal(RunOutcome.Interrupted, (await history.GetAsync(holder.RunId, Ct))?.Summary.Outcome);
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_and_its_run_recorded_as_the_callback_says()
    {
        var (history, leases) = _db.OpenProcess();
        var holder = Lease("morning", LiveOwner("monitor run"), T0, stage: "fetching the BOM of Widget Assembly");
        await leases.TryAcquireAsync(holder, Abandoned, Ct);
        var wanted = Lease("morning", LiveOwner(), T0 + Lifetime);

        var granted = Assert.IsType<LeaseGranted>(await leases.TryAcquireAsync(wanted, Abandoned, Ct));

        var recorded = (await history.GetAsync(holder.RunId, Ct))!.Summary;
        Assert.Equal(recorded, granted.Abandoned);
        Assert.Equal((RunOutcome.Interrupted, holder.StartedAt, holder.Trigger, holder.ScheduledFor),
            (recorded.Outcome, recorded.StartedAt, recorded.Trigger, recorded.ScheduledFor));
        Assert.Equal($"interrupted: monitor run (process {Environment.ProcessId} on {Environment.MachineName}) ended during the run, "
            + "while fetching the BOM of Widget Assembly; the run is caught up at the next start", recorded.Error);
        Assert.Equal([wanted], await leases.ListAsync(Ct));
    }

    [Fact]
    public async Task A_lease_whose_process_has_exited_on_this_machine_is_taken_over_at_once_before_it_expires()
    {
        var (history, leases) = _db.OpenProcess();
        var holder = Lease("morning", await ExitedProcessAsync(), T0, lifetime: TimeSpan.FromHours(1));
        await leases.TryAcquireAsync(holder, Abandoned, Ct);

        var claim = await leases.TryAcquireAsync(Lease("morning", LiveOwner(), T0.AddSeconds(1)), Abandoned, Ct);

        Assert.Equal(holder.RunId, Assert.IsType<LeaseGranted>(claim).Abandoned?.RunId);
        Assert.Equal(RunOutcome.Interrupted, (await history.GetAsync(holder.RunId, Ct))?.Summary.Outcome);
    }

    [Fact]
    public async Task A_lease_whose_process_id_now_belongs_to_a_later_process_is_taken_over_at_once()
    {
        var (_, leases) = _db.OpenProcess();
        // Our own pid, but started an hour before this process: the holder's process ended and the id was reused.
        var reused = LiveOwner("monitor run") with { ProcessStarted = LiveOwner().ProcessStarted.AddHours(-1) };
        var holder = Lease("morning", reused, T0, lifetime: TimeSpan.FromHours(1));
        await leases.TryAcquireAsync(holder, Abandoned, Ct);

        var claim = await leases.TryAcquireAsync(Lease("morning", LiveOwner(), T0.AddSeconds(1)), Abandoned, Ct);

        Assert.Equal(holder.RunId, Assert.IsType<LeaseGranted>(claim).Abandoned?.RunId);
    }

    [Fact]
    public async Task Our_own_stale_lease_is_replaced_without_a_record()
    {
        var (history, leases) = _db.OpenProcess();
        var owner = LiveOwner();
        var stale = Lease("morning", owner, T0);
        await leases.TryAcquireAsync(stale, Abandoned, Ct);
        var wanted = Lease("morning", owner, T0.AddSeconds(10));

        var granted = Assert.IsType<LeaseGranted>(await leases.TryAcquireAsync(wanted, Abandoned, Ct));

        Assert.Null(granted.Abandoned);
        Assert.Empty(_abandonedAsked);
        Assert.Equal(0, await history.CountAsync("morning", Ct));
        Assert.Equal([wanted], await leases.ListAsync(Ct));
    }

    [Fact]
    public async Task A_takeover_whose_record_cannot_be_written_leaves_the_old_lease_in_place()
    {
        var (history, leases) = _db.OpenProcess();
        var holder = Lease("morning", LiveOwner("monitor run"), T0);
        await leases.TryAcquireAsync(holder, Abandoned, Ct);
        // A run with the holder's id is already stored, so recording the abandoned run fails inside the takeover.
        await history.AddAsync(WithId(RunSamples.At("morning", 0), holder.RunId), Ct);

        await Assert.ThrowsAsync<SqliteException>(() => leases.TryAcquireAsync(Lease("morning", LiveOwner(), T0 + Lifetime), Abandoned, Ct));

        Assert.Equal([holder], await leases.ListAsync(Ct));
        Assert.Equal(1, await history.CountAsync("morning", Ct));
    }

    [Fact]
    public async Task Renew_moves_the_expiry_on_and_records_the_stage()
    {
        var (_, leases) = _db.OpenProcess();
        var lease = Lease("morning", LiveOwner(), T0);
        await leases.TryAcquireAsync(lease, Abandoned, Ct);

        Assert.True(await leases.RenewAsync(lease, T0.AddMinutes(2), "fetching the BOM of Widget Assembly", Ct));

        var renewed = Assert.Single(await leases.ListAsync(Ct));
        Assert.Equal((T0.AddMinutes(2), "fetching the BOM of Widget Assembly"), (renewed.ExpiresAt, renewed.Stage));
        // Renewed, it is no longer expired at its first expiry.
        Assert.IsType<LeaseRefused>(await leases.TryAcquireAsync(Lease("morning", LiveOwner(), T0 + Lifetime), Abandoned, Ct));
    }

    [Fact]
    public async Task Renew_after_a_takeover_returns_false_and_leaves_the_new_holders_lease_alone()
    {
        var (_, leases) = _db.OpenProcess();
        var lost = Lease("morning", LiveOwner("monitor run"), T0);
        await leases.TryAcquireAsync(lost, Abandoned, Ct);
        var successor = Lease("morning", LiveOwner(), T0 + Lifetime);
        await leases.TryAcquireAsync(successor, Abandoned, Ct);

        Assert.False(await leases.RenewAsync(lost, T0.AddHours(1), "rendering the report", Ct));

        Assert.Equal([successor], await leases.ListAsync(Ct));
    }

    [Fact]
    public async Task Complete_records_the_run_gives_the_lease_up_and_trims_to_the_retention()
    {
        _db.Retention = 2;
        var (history, leases) = _db.OpenProcess();
        var older = new[] { RunSamples.At("morning", 0), RunSamples.At("morning", 1) };
        foreach (var run in older)
        {
            await history.AddAsync(run, Ct);
        }
        var lease = Lease("morning", LiveOwner(), T0.AddMinutes(5));
        await leases.TryAcquireAsync(lease, Abandoned, Ct);
        var full = RunSamples.Full();
        var finished = full with { Summary = full.Summary with { RunId = lease.RunId, StartedAt = T0.AddMinutes(5) } };

        await leases.CompleteAsync(lease, finished, Ct);

        Assert.Empty(await leases.ListAsync(Ct));
        Assert.Equal(RunSamples.Json(finished), RunSamples.Json(await history.GetAsync(lease.RunId, Ct)));
        Assert.Equal([lease.RunId, older[1].Summary.RunId], (await history.ListAsync("morning", 0, 10, Ct)).Select(r => r.RunId));
    }

    [Fact]
    public async Task A_complete_whose_run_cannot_be_written_keeps_the_lease()
    {
        var (history, leases) = _db.OpenProcess();
        var lease = Lease("morning", LiveOwner(), T0);
        await leases.TryAcquireAsync(lease, Abandoned, Ct);
        var run = RunSamples.At("morning", 0);
        await history.AddAsync(run, Ct);

        // The same run id twice: the insert fails, and the lease must not be gone without its run.
        await Assert.ThrowsAsync<SqliteException>(() => leases.CompleteAsync(lease, run, Ct));

        Assert.Equal([lease], await leases.ListAsync(Ct));
    }

    [Fact]
    public async Task Complete_without_a_lease_only_records_the_run()
    {
        var (history, leases) = _db.OpenProcess();
        var other = Lease("morning", LiveOwner(), T0);
        await leases.TryAcquireAsync(other, Abandoned, Ct);
        var missed = RunSamples.At("morning", 0, outcome: RunOutcome.Missed);

        await leases.CompleteAsync(null, missed, Ct);

        Assert.Equal(RunOutcome.Missed, (await history.GetAsync(missed.Summary.RunId, Ct))?.Summary.Outcome);
        Assert.Equal([other], await leases.ListAsync(Ct));
    }

    [Fact]
    public async Task A_late_complete_replaces_a_takeovers_record_of_the_run_and_gives_up_only_that_runs_lease()
    {
        var (history, leases) = _db.OpenProcess();
        var late = Lease("morning", LiveOwner("monitor run"), T0);
        await leases.TryAcquireAsync(late, Abandoned, Ct);
        var kept = Lease("evening", LiveOwner("monitor run"), T0);
        await leases.TryAcquireAsync(kept, Abandoned, Ct);
        var full = RunSamples.Full();
        var run = full with { Summary = full.Summary with { RunId = late.RunId } };

        await leases.CompleteLateAsync(run, Ct);
        Assert.Equal([kept], await leases.ListAsync(Ct));

        // Written twice (the file could not be removed after the first time): still one run, the same.
        await leases.CompleteLateAsync(run, Ct);
        Assert.Equal(RunSamples.Json(run), RunSamples.Json(await history.GetAsync(late.RunId, Ct)));
        Assert.Equal(1, await history.CountAsync("morning", Ct));
    }

    [Fact]
    public async Task Release_gives_the_lease_up_without_a_record_and_never_removes_a_successors_lease()
    {
        var (history, leases) = _db.OpenProcess();
        var first = Lease("morning", LiveOwner(), T0);
        await leases.TryAcquireAsync(first, Abandoned, Ct);
        await leases.ReleaseAsync(first, Ct);
        Assert.Empty(await leases.ListAsync(Ct));

        var lost = Lease("evening", LiveOwner("monitor run"), T0);
        await leases.TryAcquireAsync(lost, Abandoned, Ct);
        var successor = Lease("evening", LiveOwner(), T0 + Lifetime);
        await leases.TryAcquireAsync(successor, Abandoned, Ct);
        await leases.ReleaseAsync(lost, Ct);

        Assert.Equal([successor], await leases.ListAsync(Ct));
        Assert.Equal(0, await history.CountAsync("morning", Ct));
    }

    [Fact]
    public async Task Recovery_records_every_dead_or_expired_lease_once_and_leaves_live_ones()
    {
        var (history, leases) = _db.OpenProcess();
        var expired = Lease("expired", LiveOwner("monitor run"), T0);
        var dead = Lease("dead", await ExitedProcessAsync(), T0.AddMinutes(1), lifetime: TimeSpan.FromHours(1));
        var live = Lease("live", LiveOwner("monitor run"), T0.AddMinutes(1));
        var remote = Lease("remote", new LeaseOwner("planner-pc-elsewhere", 4711, T0, Guid.NewGuid(), "MonitorDashboard"), T0.AddMinutes(1));
        foreach (var lease in new[] { expired, dead, live, remote })
        {
            await leases.TryAcquireAsync(lease, Abandoned, Ct);
        }
        var now = T0.AddMinutes(1.5);

        var recovered = await leases.RecoverAbandonedAsync(now, Abandoned, Ct);
        var again = await leases.RecoverAbandonedAsync(now, Abandoned, Ct);

        Assert.Equal([expired.RunId, dead.RunId], recovered.Select(r => r.RunId));
        Assert.All(recovered, r => Assert.Equal(RunOutcome.Interrupted, r.Outcome));
        Assert.Empty(again);
        Assert.Equal([live, remote], await leases.ListAsync(Ct));
        Assert.Equal(RunOutcome.Interrupted, (await history.GetAsync(dead.RunId, Ct))?.Summary.Outcome);
        Assert.Equal(0, await history.CountAsync("live", Ct) + await history.CountAsync("remote", Ct));
    }

    [Fact]
    public async Task Two_processes_competing_for_the_same_lists_each_grant_every_list_to_exactly_one()
    {
        var processes = new[] { _db.OpenProcess(), _db.OpenProcess() };
        var owners = new[] { LiveOwner(), LiveOwner("monitor run") };
        var lists = Enumerable.Range(0, 20).Select(i => $"list-{i}").ToList();

        var claims = await Task.WhenAll(lists.SelectMany(list => processes.Select((p, i) =>
            Task.Run(() => p.Leases.TryAcquireAsync(Lease(list, owners[i], T0), Abandoned, Ct), Ct))));

        var held = await processes[0].Leases.ListAsync(Ct);
        foreach (var list in lists)
        {
            var forList = claims.Where(c => c switch
            {
                LeaseGranted g => g.Lease.ListId == list,
                LeaseRefused r => r.Holder.ListId == list,
                _ => false,
            }).ToList();
            var winner = Assert.Single(forList.OfType<LeaseGranted>()).Lease;
            Assert.Equal(winner, Assert.Single(forList.OfType<LeaseRefused>()).Holder);
            Assert.Equal(winner, Assert.Single(held, l => l.ListId == list));
        }
        Assert.Empty(_abandonedAsked);
    }

    private RunRecord Abandoned(RunLease lease)
    {
        lock (_abandonedAsked)
        {
            _abandonedAsked.Add(lease);
        }
        return new RunRecord(new RunSummary(lease.RunId, lease.ListId, lease.ListName, lease.Trigger, lease.ScheduledFor, lease.StartedAt,
                lease.ExpiresAt, RunOutcome.Interrupted, RunCounts.None, null, false, null, RunReasons.Abandoned(lease), lease.CorrelationId),
            null, null, null);
    }

    private static RunRecord WithId(RunRecord run, Guid runId) => run with { Summary = run.Summary with { RunId = runId } };

    private static RunLease Lease(string listId, LeaseOwner owner, DateTimeOffset startedAt, TimeSpan? lifetime = null, string? stage = "starting") =>
        new(listId, Guid.NewGuid(), "Morning build", RunTrigger.Schedule, startedAt, startedAt, startedAt + (lifetime ?? Lifetime), owner, stage, "corr-1");

    /// <summary>This process, as another host in it would claim (its own instance).</summary>
    private static LeaseOwner LiveOwner(string kind = "MonitorDashboard") => LeaseOwner.ForCurrentProcess(kind);

    /// <summary>A real process on this machine that has ended (and been reaped): its id no longer exists.</summary>
    private static async Task<LeaseOwner> ExitedProcessAsync()
    {
        using var child = Process.Start(new ProcessStartInfo("cat") { RedirectStandardInput = true, UseShellExecute = false })
            ?? throw new InvalidOperationException("cat could not be started");
        var owner = new LeaseOwner(Environment.MachineName, child.Id, child.StartTime.ToUniversalTime(), Guid.NewGuid(), "monitor run");
        child.StandardInput.Close();
        await child.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.False(owner.IsAliveOnThisMachine(), "the child process still counts as alive after it exited");
        return owner;
    }
}
