using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring;

/// <summary>
/// Downtime across a restart, at the dispatcher level with the real services over the same files: a run missed by
/// less than the grace period runs once as a catch-up, an older one is recorded as missed, and a finished run is
/// never repeated. (Edits, pausing, overlap and concurrency are covered by the scheduler's own tests.)
/// </summary>
public sealed class EngineRestartSchedulingTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DueToday = new(2026, 11, 26, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DueTomorrow = DueToday.AddDays(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_run_missed_within_the_grace_period_runs_once_as_catch_up_and_an_older_one_is_recorded_as_missed()
    {
        var time = new FakeTimeProvider(Morning);
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production("0 7 * * *")), time);
        var first = await engine.Dispatcher.TickAsync(Ct);
        Assert.Empty(first.Started);
        Assert.Equal(DueToday, engine.State.Find(EngineLists.ProductionId)!.NextRun);

        // Down from 06:00 to 07:20: the 07:00 run is 20 minutes late, inside the default hour of grace.
        await engine.RestartAsync();
        time.SetUtcNow(DueToday.AddMinutes(20));
        var afterRestart = await engine.Dispatcher.TickAsync(Ct);

        var catchUp = (await Assert.Single(afterRestart.Started)).Run!.Summary;
        Assert.Equal((RunTrigger.CatchUp, DueToday, RunOutcome.Shortages), (catchUp.Trigger, catchUp.ScheduledFor, catchUp.Outcome));
        Assert.Equal(EngineLists.ProductionSubject + " — changed", Assert.Single(engine.Smtp.Messages).Message.Subject);
        Assert.Empty((await engine.Dispatcher.TickAsync(Ct)).Started);

        // Down again until 08:30 tomorrow: the 07:00 run is 90 minutes late, beyond the grace.
        await engine.RestartAsync();
        time.SetUtcNow(DueTomorrow.AddMinutes(90));
        var late = await engine.Dispatcher.TickAsync(Ct);

        Assert.Empty(late.Started);
        Assert.Equal(1, late.Missed);
        var missed = (await engine.History.LatestAsync(EngineLists.ProductionId, Ct))!;
        Assert.Equal((RunOutcome.Missed, DueTomorrow), (missed.Outcome, missed.ScheduledFor));
        Assert.Contains("missed the run due 2026-11-27 07:00:00Z", missed.Error, StringComparison.Ordinal);
        Assert.Single(engine.Smtp.Messages);
        Assert.Equal(DueTomorrow.AddDays(1), engine.State.Find(EngineLists.ProductionId)!.NextRun);
        Assert.Equal(
            [RunOutcome.Missed, RunOutcome.Shortages],
            (await engine.History.ListAsync(EngineLists.ProductionId, 0, 10, Ct)).Select(r => r.Outcome));
    }

    [Fact]
    public async Task A_scheduled_run_that_finished_is_not_repeated_after_a_restart_when_a_manual_run_came_after_it()
    {
        // The sensor board list is "always" at 06:00: a repeated run would mean a duplicate email.
        var due = Morning;
        var time = new FakeTimeProvider(due.AddMinutes(-1));
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.SensorBoards()), time);
        await engine.Dispatcher.TickAsync(Ct);
        time.SetUtcNow(due);
        var scheduled = (await Assert.Single((await engine.Dispatcher.TickAsync(Ct)).Started)).Run!.Summary;
        Assert.Equal((RunTrigger.Schedule, due), (scheduled.Trigger, scheduled.ScheduledFor));
        time.SetUtcNow(due.AddMinutes(5));
        await engine.RunAsync(EngineLists.AlwaysId);

        await engine.RestartAsync();
        time.SetUtcNow(due.AddMinutes(10));
        var afterRestart = await engine.Dispatcher.TickAsync(Ct);

        Assert.Empty(afterRestart.Started);
        Assert.Equal(2, engine.Smtp.Messages.Count);
        Assert.Equal(
            [RunTrigger.Manual, RunTrigger.Schedule],
            (await engine.History.ListAsync(EngineLists.AlwaysId, 0, 10, Ct)).Select(r => r.Trigger));
    }

    [Fact]
    public async Task A_scheduled_run_cut_short_by_shutdown_is_recorded_as_interrupted_and_runs_again_as_catch_up_after_the_restart()
    {
        var due = Morning;
        var time = new FakeTimeProvider(due.AddMinutes(-1));
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.SensorBoards()), time);
        await engine.Dispatcher.TickAsync(Ct);
        time.SetUtcNow(due);
        engine.Emulator.Faults.Hang = true;
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var cutShort = Assert.Single((await engine.Dispatcher.TickAsync(shutdown.Token)).Started);
        await Poll.UntilAsync(() => engine.Emulator.RequestCount > 0, because: "the run should be waiting for InvenTree");

        await shutdown.CancelAsync();
        var interrupted = (await cutShort).Run!.Summary;
        Assert.Equal((RunOutcome.Interrupted, due), (interrupted.Outcome, interrupted.ScheduledFor));
        Assert.StartsWith("interrupted: MonitorDashboard stopped while ", interrupted.Error, StringComparison.Ordinal);
        Assert.EndsWith("; the run is caught up at the next start", interrupted.Error, StringComparison.Ordinal);
        Assert.Equal(interrupted.RunId, (await engine.History.LatestAsync(EngineLists.AlwaysId, Ct))!.RunId);
        Assert.Empty(engine.Smtp.Messages);
        engine.Emulator.Faults.Reset();
        await engine.RestartAsync();
        time.SetUtcNow(due.AddMinutes(3));
        var afterRestart = await engine.Dispatcher.TickAsync(Ct);

        var catchUp = (await Assert.Single(afterRestart.Started)).Run!.Summary;
        Assert.Equal((RunTrigger.CatchUp, due, RunOutcome.Shortages), (catchUp.Trigger, catchUp.ScheduledFor, catchUp.Outcome));
        Assert.Single(engine.Smtp.Messages);
        Assert.Empty((await engine.Dispatcher.TickAsync(Ct)).Started);
        Assert.Equal([RunOutcome.Shortages, RunOutcome.Interrupted],
            (await engine.History.ListAsync(EngineLists.AlwaysId, 0, 10, Ct)).Select(r => r.Outcome));
    }
}
