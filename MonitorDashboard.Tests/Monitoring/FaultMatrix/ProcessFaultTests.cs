using System.Net;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Tests.Cli.Monitor;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.FaultMatrix;

/// <summary>
/// Fault-matrix rows that need the app as a real process: a SIGKILL in the middle of a run, <c>monitor run</c> and the
/// dashboard's schedule on the same list at the same time, and /healthz while checks stall. A run is held in the middle
/// by the InvenTree emulator (paused at the BOM endpoint); reports and admin notices are counted in the outbox.
/// </summary>
[ProcessTests]
public sealed class ProcessFaultTests
{
    private const string SensorBoardsId = "7c1d4e2a-0b3f-4a51-9e6d-3f2a1b0c9d01";
    private const string SensorBoards = "Sensor boards";
    private const string WidgetsId = "7c1d4e2a-0b3f-4a51-9e6d-3f2a1b0c9d02";
    private const string Widgets = "Widgets";
    private const string ModemsId = "7c1d4e2a-0b3f-4a51-9e6d-3f2a1b0c9d03";
    private const string Modems = "LTE modems";

    private static readonly TimeSpan Patience = DashboardProcessRig.Patience;

    /// <summary>An assembly: its check fetches the BOM of Sensor Board.</summary>
    private static System.Text.Json.Nodes.JsonObject SensorBoardsList() =>
        DashboardProcessRig.List(SensorBoardsId, SensorBoards, ("Sensor Board", 10, null));

    /// <summary>The first BOM request the emulator gets is held until the test unpauses it; every other request is answered.</summary>
    private static void HoldBomRequests(EmulatorServer emulator, int count)
    {
        emulator.Faults.PathFilter = "/api/bom/";
        emulator.Faults.FaultedRequestsLeft = count;
        emulator.Faults.Paused = true;
    }

    /// <summary>Waits until the emulator holds that many BOM requests (runs are in the middle of fetching).</summary>
    private static Task BomRequestsHeldAsync(DashboardProcessRig rig, string what) =>
        Poll.UntilAsync(() => rig.Emulator.Faults.FaultedRequestsLeft == 0, Patience, $"{what} did not reach the BOM endpoint.\nApp output:\n{rig.App.Output}");

    [Fact]
    public async Task A_dashboard_killed_in_the_middle_of_a_run_records_it_as_interrupted_at_restart_and_catches_it_up_once()
    {
        await using var rig = await DashboardProcessRig.StartAsync([SensorBoardsList()], new Dictionary<string, string?>
        {
            // Far longer than the restart: the dead process's claim must not block the list until it expires.
            ["Monitoring__RunLease"] = "00:10:00",
        });
        HoldBomRequests(rig.Emulator, 1);
        var killedPid = rig.App.ProcessId;

        var due = await rig.ScheduleSoonAsync(SensorBoardsId);
        await BomRequestsHeldAsync(rig, "the scheduled run");
        // The run's claim in the history database says what it is doing, as a kill at any moment would find it.
        var claim = Assert.Single(await Poll.UntilAsync(
            () => rig.History.LeasesAsync(),
            leases => leases.Count == 1 && leases[0].Stage == "fetching the BOM of Sensor Board",
            Patience,
            leases => $"the run's claim does not say it is fetching the BOM: {string.Join(", ", leases)}"));
        Assert.Equal((killedPid, "MonitorDashboard"), (claim.OwnerPid, claim.OwnerKind));

        await rig.KillAndRestartAsync();
        rig.Emulator.Faults.Paused = false;

        var runs = await Poll.UntilAsync(
            () => rig.History.RunsAsync(SensorBoardsId),
            r => r.Any(run => run.Trigger == RunTrigger.CatchUp),
            Patience,
            r => $"no catch-up run: {string.Join(", ", r)}\nApp output:\n{rig.App.Output}");
        Assert.Equal(2, runs.Count);
        var interrupted = runs[0];
        Assert.Equal((RunTrigger.Schedule, due, RunOutcome.Interrupted), (interrupted.Trigger, interrupted.ScheduledFor, interrupted.Outcome));
        Assert.Equal(
            $"interrupted: MonitorDashboard (process {killedPid} on {Environment.MachineName}) ended during the run, "
            + "while fetching the BOM of Sensor Board; the run is caught up at the next start",
            interrupted.Error);
        Assert.Null(interrupted.EmailOutcome);
        var caughtUp = runs[1];
        Assert.Equal((RunTrigger.CatchUp, due, RunOutcome.Shortages, "sent"),
            (caughtUp.Trigger, caughtUp.ScheduledFor, caughtUp.Outcome, caughtUp.EmailOutcome));
        Assert.Null(caughtUp.Error);
        // The killed process's claim had minutes to run; the list ran again at once because its process was gone.
        Assert.True(caughtUp.StartedAt < claim.ExpiresAt, $"the catch-up started at {caughtUp.StartedAt:O}, after the dead claim expired");
        Assert.Empty(await rig.History.LeasesAsync());

        // Exactly one report for the occurrence, last_hash saved, and the user's schedule kept.
        var report = Assert.Single(rig.Reports);
        Assert.Equal([DashboardProcessRig.Planner], report.To.Mailboxes.Select(m => m.Address));
        Assert.Contains(SensorBoards, report.Subject, StringComparison.Ordinal);
        var onDisk = await rig.ListOnDiskAsync(SensorBoardsId);
        Assert.Equal(caughtUp.Hash, (string?)onDisk["last_hash"]);
        Assert.Equal($"{due.Second} {due.Minute} {due.Hour} * * *", (string?)onDisk["cron_schedule"]);
        var health = await rig.HealthAsync();
        Assert.True(health.Code == HttpStatusCode.OK && health.Scheduler.Status == "Healthy", health.ToString());
        // An interrupted run that was caught up is not a failure: nothing for the admins.
        Assert.Empty(rig.AdminNotices);
    }

    [Fact]
    public async Task Monitor_run_of_a_list_the_dashboard_is_running_exits_1_at_once_naming_the_dashboard_and_nothing_is_sent_twice()
    {
        await using var rig = await DashboardProcessRig.StartAsync([SensorBoardsList()]);
        HoldBomRequests(rig.Emulator, 1);
        var due = await rig.ScheduleSoonAsync(SensorBoardsId);
        await BomRequestsHeldAsync(rig, "the scheduled run");

        var cli = await rig.MonitorRunAsync(SensorBoardsId);

        Assert.True(cli.ExitCode == 1, $"exit {cli.ExitCode}\n{cli.StdErr}\n{cli.StdOut}");
        Assert.Equal(
            $"error: '{SensorBoards}' is already running in MonitorDashboard (process {rig.App.ProcessId} on {Environment.MachineName})",
            cli.SingleErrorLine());
        Assert.Empty(cli.StdOut);
        // It did not wait for the dashboard's run, which is still held, and recorded nothing of its own.
        Assert.Empty(await rig.History.RunsAsync(SensorBoardsId));
        Assert.Single(await rig.History.LeasesAsync());
        Assert.Empty(rig.Reports);

        rig.Emulator.Faults.Paused = false;

        var runs = await Poll.UntilAsync(
            () => rig.History.RunsAsync(SensorBoardsId), r => r.Count > 0, Patience,
            _ => $"the dashboard's run was not recorded.\nApp output:\n{rig.App.Output}");
        var run = Assert.Single(runs);
        Assert.Equal((RunTrigger.Schedule, due, RunOutcome.Shortages, "sent"), (run.Trigger, run.ScheduledFor, run.Outcome, run.EmailOutcome));
        Assert.Empty(await rig.History.LeasesAsync());
        Assert.Single(rig.Reports);
        Assert.Equal(run.Hash, (string?)(await rig.ListOnDiskAsync(SensorBoardsId))["last_hash"]);
        Assert.Empty(rig.AdminNotices);
    }

    [Fact]
    public async Task A_due_run_while_monitor_run_checks_the_list_is_recorded_as_missed_naming_that_process_and_sends_nothing()
    {
        await using var rig = await DashboardProcessRig.StartAsync([SensorBoardsList()]);
        HoldBomRequests(rig.Emulator, 1);
        var cliPid = 0;
        var cli = rig.MonitorRunAsync(SensorBoardsId, pid => cliPid = pid);
        await Poll.UntilAsync(() => rig.Emulator.Faults.FaultedRequestsLeft == 0 || cli.IsCompleted, Patience,
            "monitor run did not reach the BOM endpoint");
        Assert.False(cli.IsCompleted, cli.IsCompleted ? (await cli).StdErr : "");

        // The dashboard's schedule comes due while monitor run is in the middle of the list.
        var due = await rig.ScheduleSoonAsync(SensorBoardsId);
        var runs = await Poll.UntilAsync(
            () => rig.History.RunsAsync(SensorBoardsId), r => r.Count > 0, Patience,
            _ => $"the due run was not recorded.\nApp output:\n{rig.App.Output}");
        var missed = Assert.Single(runs);
        Assert.Equal((RunTrigger.Schedule, due, RunOutcome.Missed), (missed.Trigger, missed.ScheduledFor, missed.Outcome));
        Assert.StartsWith(
            $"not run: '{SensorBoards}' was being checked by monitor run (process {cliPid} on {Environment.MachineName}) since ",
            missed.Error, StringComparison.Ordinal);
        Assert.Null(missed.EmailOutcome);
        Assert.Empty(rig.Reports);

        rig.Emulator.Faults.Paused = false;
        var result = await cli;

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.StdErr}");
        Assert.Equal($"{SensorBoards}: shortages — report sent to 1 recipient", result.StdOut.Trim());
        runs = await rig.History.RunsAsync(SensorBoardsId);
        Assert.Equal(2, runs.Count);
        var byCli = runs.Single(r => r.Trigger == RunTrigger.Cli);
        Assert.Equal((RunOutcome.Shortages, "sent", (DateTimeOffset?)null), (byCli.Outcome, byCli.EmailOutcome, byCli.ScheduledFor));
        Assert.Empty(await rig.History.LeasesAsync());
        Assert.Single(rig.Reports);
        // monitor run wrote last_hash without losing the schedule edited while it ran.
        var onDisk = await rig.ListOnDiskAsync(SensorBoardsId);
        Assert.Equal(byCli.Hash, (string?)onDisk["last_hash"]);
        Assert.Equal($"{due.Second} {due.Minute} {due.Hour} * * *", (string?)onDisk["cron_schedule"]);
        Assert.Empty(rig.AdminNotices);
    }

    [Fact]
    public async Task Healthz_tells_stalled_checks_and_a_waiting_list_until_the_deadline_fails_them_and_the_waiting_list_runs()
    {
        await using var rig = await DashboardProcessRig.StartAsync(
            [
                SensorBoardsList(),
                DashboardProcessRig.List(WidgetsId, Widgets, ("Widget Assembly", 5, "B")),
                // Bought, not built: no BOM to fetch, so InvenTree's stall does not touch it.
                DashboardProcessRig.List(ModemsId, Modems, ("LTE Modem Module Cat-M1", 4, null)),
            ],
            new Dictionary<string, string?>
            {
                ["Monitoring__MaxConcurrentChecks"] = "2",
                ["Monitoring__CheckTimeout"] = "00:00:10",
            });
        var idle = await Poll.UntilAsync(rig.HealthAsync, h => h.Code == HttpStatusCode.OK, Patience, h => h.ToString());
        Assert.Equal("Healthy", idle.Status);
        Assert.EndsWith("0 checks running, 0 waiting", idle.Scheduler.Description, StringComparison.Ordinal);
        HoldBomRequests(rig.Emulator, 2);

        var due = await rig.ScheduleSoonAsync(SensorBoardsId, WidgetsId, ModemsId);
        await BomRequestsHeldAsync(rig, "the two assemblies' runs");

        // Stalled, within their deadline: /healthz says so, and the third list waits for a slot.
        var stalled = await Poll.UntilAsync(rig.HealthAsync, h => h.Scheduler.Description.EndsWith("2 checks running, 1 waiting", StringComparison.Ordinal),
            Patience, h => h.ToString());
        Assert.True(stalled.Code == HttpStatusCode.OK && stalled.Scheduler.Status == "Healthy", stalled.ToString());
        Assert.Empty(await rig.History.RunsAsync(ModemsId));

        // At the deadline the stalled checks fail, with what they waited for, and the waiting list gets its slot.
        var modems = Assert.Single(await Poll.UntilAsync(() => rig.History.RunsAsync(ModemsId), r => r.Count > 0, Patience,
            _ => $"the waiting list never ran.\nApp output:\n{rig.App.Output}"));
        var boards = Assert.Single(await rig.History.RunsAsync(SensorBoardsId));
        var widgets = Assert.Single(await rig.History.RunsAsync(WidgetsId));
        Assert.Equal((RunTrigger.Schedule, due, RunOutcome.Failed), (boards.Trigger, boards.ScheduledFor, boards.Outcome));
        Assert.Equal("timed out after 10 s while fetching the BOM of Sensor Board", boards.Error);
        Assert.Equal((RunTrigger.Schedule, due, RunOutcome.Failed), (widgets.Trigger, widgets.ScheduledFor, widgets.Outcome));
        Assert.Equal("timed out after 10 s while fetching the BOM of Widget Assembly@B", widgets.Error);
        // With its error, so a failure says why the waiting list did not send (e.g. its own deadline on a starved machine).
        Assert.Equal((RunTrigger.Schedule, due, "sent", (string?)null), (modems.Trigger, modems.ScheduledFor, modems.EmailOutcome, modems.Error));
        Assert.True(modems.StartedAt >= Min(boards.FinishedAt, widgets.FinishedAt),
            $"'{Modems}' started at {modems.StartedAt:O}, before a stalled check gave up its slot");
        var freed = await Poll.UntilAsync(rig.HealthAsync, h => h.Scheduler.Description.EndsWith("0 checks running, 0 waiting", StringComparison.Ordinal),
            Patience, h => h.ToString());
        Assert.True(freed.Code == HttpStatusCode.OK && freed.Scheduler.Status == "Healthy", freed.ToString());
        var report = Assert.Single(rig.Reports);
        Assert.Contains(Modems, report.Subject, StringComparison.Ordinal);
        await Poll.UntilAsync(() => rig.AdminNotices.Count >= 2, Patience, "the admins were not told about the two failing lists");
        Assert.Equal(
            [$"[MonitorDashboard] Check failing: {SensorBoards}", $"[MonitorDashboard] Check failing: {Widgets}"],
            rig.AdminNotices.Select(n => n.Subject).Order(StringComparer.Ordinal));

        // Nothing is stuck: once InvenTree answers again, the two lists run at their next occurrence.
        rig.Emulator.Faults.Paused = false;
        var next = await rig.ScheduleSoonAsync(SensorBoardsId, WidgetsId);
        foreach (var id in new[] { SensorBoardsId, WidgetsId })
        {
            var runs = await Poll.UntilAsync(() => rig.History.RunsAsync(id), r => r.Count == 2, Patience,
                r => $"no second run of {id}: {string.Join(", ", r)}");
            Assert.Equal((RunTrigger.Schedule, next, RunOutcome.Shortages, "sent"),
                (runs[1].Trigger, runs[1].ScheduledFor, runs[1].Outcome, runs[1].EmailOutcome));
        }
        Assert.Equal(3, rig.Reports.Count);
        await Poll.UntilAsync(() => rig.AdminNotices.Count >= 4, Patience, "the admins were not told that the two lists recovered");
        Assert.Equal(
            [
                $"[MonitorDashboard] Check failing: {SensorBoards}", $"[MonitorDashboard] Check failing: {Widgets}",
                $"[MonitorDashboard] Check recovered: {SensorBoards}", $"[MonitorDashboard] Check recovered: {Widgets}",
            ],
            rig.AdminNotices.Select(n => n.Subject).Order(StringComparer.Ordinal));
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
