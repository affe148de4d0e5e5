using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.Scheduling;

/// <summary>
/// A restart on the same presets.json and monitor.db: the persisted next due times mean nothing is lost or repeated;
/// runs missed during downtime run once within the grace period and are recorded as missed beyond it.
/// </summary>
public sealed class MonitorDispatcherRestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset At(int hour, int minute) => SchedulerHarness.Start.AddHours(hour - 8).AddMinutes(minute);

    /// <summary>Every 4 hours (00, 04, 08, 12, 16, 20 UTC); the first run is at 12:00 and was recorded.</summary>
    private static async Task<(SchedulerHarness Harness, string ListId)> RunOnceAtNoonAsync()
    {
        var list = SchedulerHarness.List("Every four hours", "0 */4 * * *");
        var harness = await SchedulerHarness.StartAsync([list]);
        await harness.TickAndWaitAsync();
        Assert.Single(await harness.AdvanceAndTickAsync(TimeSpan.FromHours(4)));
        return (harness, list.Id);
    }

    [Fact]
    public async Task A_run_missed_by_less_than_the_grace_period_runs_once_as_catch_up_after_a_restart()
    {
        var (harness, listId) = await RunOnceAtNoonAsync();
        await using var _ = harness;

        await harness.RestartAsync(TimeSpan.FromHours(4.5));
        var first = await harness.TickAndWaitAsync();
        var later = await harness.AdvanceAndTickAsync(TimeSpan.FromSeconds(30));

        var catchUp = Assert.Single(first).Run!.Summary;
        Assert.Equal((RunTrigger.CatchUp, At(16, 0), At(16, 30)), (catchUp.Trigger, catchUp.ScheduledFor, catchUp.StartedAt));
        Assert.Empty(later);
        Assert.Equal([At(12, 0), At(16, 0)], (await harness.RunsAsync(listId)).Select(r => r.ScheduledFor!.Value));
        Assert.Equal(At(20, 0), harness.State.Find(listId)!.NextRun);
    }

    [Fact]
    public async Task Runs_missed_by_more_than_the_grace_period_are_recorded_as_missed_and_not_run()
    {
        var (harness, listId) = await RunOnceAtNoonAsync();
        await using var _ = harness;

        await harness.RestartAsync(TimeSpan.FromHours(5.5));
        var tick = await harness.TickAsync();

        Assert.Empty(tick.Started);
        Assert.Equal(1, tick.Missed);
        var runs = await harness.RunsAsync(listId);
        Assert.Equal(2, runs.Count);
        var missed = runs[1];
        Assert.Equal((RunOutcome.Missed, At(16, 0)), (missed.Outcome, missed.ScheduledFor));
        Assert.Contains("while MonitorDashboard was not running", missed.Error, StringComparison.Ordinal);
        Assert.Equal(At(20, 0), harness.State.Find(listId)!.NextRun);
    }

    [Fact]
    public async Task A_restart_right_after_a_run_neither_repeats_it_nor_loses_the_next_one()
    {
        var (harness, listId) = await RunOnceAtNoonAsync();
        await using var _ = harness;

        await harness.RestartAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(await harness.TickAndWaitAsync());
        Assert.Single(await harness.AdvanceAndTickAsync(At(16, 0) - harness.Clock.GetUtcNow()));

        Assert.Equal([At(12, 0), At(16, 0)], (await harness.RunsAsync(listId)).Select(r => r.ScheduledFor!.Value));
    }

    [Fact]
    public async Task A_run_cut_short_by_shutdown_is_recorded_as_interrupted_and_runs_again_once_after_the_restart()
    {
        var list = SchedulerHarness.List("Interrupted", "0 */4 * * *");
        await using var harness = await SchedulerHarness.StartAsync([list]);
        await harness.TickAndWaitAsync();
        harness.Emulator.Faults.Paused = true;
        using var crash = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        harness.Clock.Advance(TimeSpan.FromHours(4));
        var interrupted = Assert.Single((await harness.TickCancellableAsync(crash.Token)).Started);
        await Poll.UntilAsync(() => harness.Emulator.RequestCount > 0, because: "the noon check reaches InvenTree");

        await crash.CancelAsync();
        Assert.Equal(RunOutcome.Interrupted, (await interrupted).Run!.Summary.Outcome);
        // Until the abandoned requests are over, disposing the old services would wait for them on the fake clock.
        await Poll.UntilAsync(() => harness.Emulator.Requests.Count == harness.Emulator.RequestCount, because: "InvenTree sees the requests given up");
        harness.Emulator.Faults.Paused = false;
        Assert.Equal([(RunOutcome.Interrupted, At(12, 0))], (await harness.RunsAsync(list.Id)).Select(r => (r.Outcome, r.ScheduledFor!.Value)));
        await harness.RestartAsync(TimeSpan.FromMinutes(2));
        var first = await harness.TickAndWaitAsync();
        var later = await harness.AdvanceAndTickAsync(TimeSpan.FromSeconds(30));

        var rerun = Assert.Single(first).Run!.Summary;
        Assert.Equal((RunTrigger.CatchUp, At(12, 0)), (rerun.Trigger, rerun.ScheduledFor));
        Assert.Empty(later);
        Assert.Equal([RunOutcome.Interrupted, rerun.Outcome], (await harness.RunsAsync(list.Id)).Select(r => r.Outcome));
    }
}
