using MonitorDashboard.Email;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring;

/// <summary>
/// Issue 5: InvenTree or SMTP failing, and email switched off — what is recorded, what the dashboard shows, what the
/// admins are told (once per streak), and that last_hash only moves after a report was accepted.
/// </summary>
public sealed class EngineFailureTests
{
    private const string DeliveryFailingSubject = "[MonitorDashboard] Email delivery failing: Production plan";
    private const string CheckFailingSubject = "[MonitorDashboard] Check failing: Production plan";
    private const string CheckRecoveredSubject = "[MonitorDashboard] Check recovered: Production plan";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IEnumerable<string?> AdminSubjects(EngineHarness engine) =>
        engine.MessagesTo(EngineHarness.Admin).Select(m => m.Message.Subject);

    [Fact]
    public async Task With_SMTP_down_the_run_is_email_failed_and_last_hash_only_moves_once_a_report_is_accepted()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()));
        await engine.StopSmtpAsync();

        var failed = await engine.RunAsync(EngineLists.ProductionId);

        var run = failed.Run!.Summary;
        Assert.Equal((RunOutcome.EmailFailed, DeliveryOutcome.Failed), (run.Outcome, run.EmailOutcome));
        Assert.Contains("127.0.0.1", run.Error, StringComparison.Ordinal);
        Assert.StartsWith("report could not be sent: ", failed.Message, StringComparison.Ordinal);
        Assert.Null(engine.LastHashOnDisk(EngineLists.ProductionId));
        var view = engine.State.Find(EngineLists.ProductionId)!;
        Assert.Equal(ListStatus.EmailFailed, view.Status);
        Assert.Equal(run.Error, view.LastError);
        var recorded = await engine.History.LatestAsync(EngineLists.ProductionId, Ct);
        Assert.Equal((run.RunId, RunOutcome.EmailFailed), (recorded?.RunId, recorded?.Outcome));
        // The notice to the admins could not go out either; it is not marked as told.
        Assert.False((await engine.History.GetStateAsync(EngineLists.ProductionId, Ct))?.DeliveryFailureNoticeSent ?? false);

        // The server is back but refuses the list's recipient: the report fails again, the admins are told now.
        await engine.StartSmtpAsync(rejectRecipient: to => to == EngineHarness.Planner);
        Assert.Equal(RunOutcome.EmailFailed, (await engine.RunAsync(EngineLists.ProductionId)).Run!.Summary.Outcome);
        Assert.Equal(RunOutcome.EmailFailed, (await engine.RunAsync(EngineLists.ProductionId)).Run!.Summary.Outcome);
        Assert.Equal([DeliveryFailingSubject], AdminSubjects(engine));
        Assert.Null(engine.LastHashOnDisk(EngineLists.ProductionId));

        await engine.RestartSmtpAsync();
        var sent = await engine.RunAsync(EngineLists.ProductionId);

        Assert.Equal((RunOutcome.Shortages, DeliveryOutcome.Sent), (sent.Run!.Summary.Outcome, sent.Run.Summary.EmailOutcome));
        Assert.Equal(EngineLists.ProductionSubject + " — changed", Assert.Single(engine.MessagesTo(EngineHarness.Planner)).Message.Subject);
        Assert.Equal(sent.Run.Summary.Hash, engine.LastHashOnDisk(EngineLists.ProductionId));
        Assert.Equal(ListStatus.Shortages, engine.State.Find(EngineLists.ProductionId)!.Status);
        // The streak is over; the admins, who were told it began, are told it ended.
        Assert.Equal(["[MonitorDashboard] Email delivery recovered: Production plan"], AdminSubjects(engine));
        Assert.False((await engine.History.GetStateAsync(EngineLists.ProductionId, Ct))!.DeliveryFailureNoticeSent);
    }

    [Theory]
    [InlineData("503")]
    [InlineData("dropped connections")]
    public async Task With_InvenTree_failing_the_admins_get_one_failing_and_one_recovered_notice(string fault)
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()));
        if (fault == "503")
        {
            engine.Emulator.Faults.FailureRate = 1.0;
        }
        else
        {
            engine.Emulator.Faults.DropConnections = true;
        }

        var failures = new List<RunSummary>();
        for (var i = 0; i < 3; i++)
        {
            failures.Add((await engine.RunAsync(EngineLists.ProductionId)).Run!.Summary);
        }

        Assert.All(failures, r =>
        {
            Assert.Equal((RunOutcome.Failed, null), (r.Outcome, r.EmailOutcome));
            Assert.Contains("InvenTree", r.Error, StringComparison.Ordinal);
            Assert.Contains("part", r.Error, StringComparison.Ordinal);
        });
        Assert.Equal([CheckFailingSubject], AdminSubjects(engine));
        Assert.Empty(engine.MessagesTo(EngineHarness.Planner));
        Assert.Equal(ListStatus.Failing, engine.State.Find(EngineLists.ProductionId)!.Status);
        var history = await engine.History.ListAsync(EngineLists.ProductionId, 0, 10, Ct);
        Assert.Equal(3, history.Count(r => r.Outcome == RunOutcome.Failed && r.Error == failures[0].Error));
        var state = await engine.History.GetStateAsync(EngineLists.ProductionId, Ct);
        Assert.Equal((3, true), (state!.ConsecutiveFailures, state.FailureNoticeSent));

        engine.Emulator.Faults.Reset();
        Assert.Equal(RunOutcome.Shortages, (await engine.RunAsync(EngineLists.ProductionId)).Run!.Summary.Outcome);
        Assert.Equal(RunOutcome.SkippedUnchanged, (await engine.RunAsync(EngineLists.ProductionId)).Run!.Summary.Outcome);

        Assert.Equal([CheckFailingSubject, CheckRecoveredSubject], AdminSubjects(engine));
        Assert.Single(engine.MessagesTo(EngineHarness.Planner));
        state = await engine.History.GetStateAsync(EngineLists.ProductionId, Ct);
        Assert.Equal((0, false, null), (state!.ConsecutiveFailures, state.FailureNoticeSent, state.FailingSince));
    }

    [Fact]
    public async Task A_failure_streak_told_before_a_restart_is_not_told_again_after_it()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()));
        engine.Emulator.Faults.FailureRate = 1.0;
        await engine.RunAsync(EngineLists.ProductionId);

        await engine.RestartAsync();
        await engine.RunAsync(EngineLists.ProductionId);
        engine.Emulator.Faults.Reset();
        await engine.RunAsync(EngineLists.ProductionId);

        Assert.Equal([CheckFailingSubject, CheckRecoveredSubject], AdminSubjects(engine));
    }

    [Fact]
    public async Task With_email_globally_disabled_runs_are_recorded_but_nothing_is_sent_and_last_hash_stays()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()),
            settings: new Dictionary<string, string?> { ["GLOBAL_EMAIL_NOTIFICATIONS_ENABLED"] = "false" });

        var first = await engine.RunAsync(EngineLists.ProductionId);
        engine.Emulator.Faults.FailureRate = 1.0;
        var failed = await engine.RunAsync(EngineLists.ProductionId);
        engine.Emulator.Faults.Reset();
        var recovered = await engine.RunAsync(EngineLists.ProductionId);

        Assert.Equal((RunOutcome.Shortages, DeliveryOutcome.Disabled), (first.Run!.Summary.Outcome, first.Run.Summary.EmailOutcome));
        Assert.Equal("email is globally disabled; nothing sent", first.Message);
        Assert.Equal(RunOutcome.Failed, failed.Run!.Summary.Outcome);
        // Still "changed": the report never went out, so the next run with email on sends it.
        Assert.Equal((RunOutcome.Shortages, true), (recovered.Run!.Summary.Outcome, recovered.Run.Summary.Changed));
        Assert.Empty(engine.Smtp.Messages);
        Assert.Equal(0, engine.Smtp.Sessions);
        Assert.Null(engine.LastHashOnDisk(EngineLists.ProductionId));
        Assert.Equal(3, await engine.History.CountAsync(EngineLists.ProductionId, Ct));
    }
}
