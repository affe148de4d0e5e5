using MonitorDashboard.Calculation;
using MonitorDashboard.Email;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Presets;
using MonitorDashboard.Tests.Email.Smtp;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring;

/// <summary>
/// Issue 4: checks through the real pipeline — sample catalog in the emulator, reports through a real SMTP server,
/// last_hash in presets.json, runs in the SQLite history — judged by what a user sees.
/// </summary>
public sealed class EngineEndToEndTests
{
    private const int WiringHarnessPk = 190;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Removes the only stock item of #190 Internal Wiring Harness (30 pcs). SAMPLE_CATALOG.md (a): gross 48,
    /// available 30 − 8 = 22 → order 26; without the item available is −8 → order 56. Still 19 rows to order.
    /// </summary>
    internal static void EmptyTheWiringHarnessShelf(EngineHarness engine)
    {
        Assert.Equal(WiringHarnessPk, engine.Emulator.Data.FindPartPk("Internal Wiring Harness"));
        engine.Emulator.Data.RemoveStockItem(Assert.Single(engine.Emulator.Data.StockItemPks(WiringHarnessPk)));
    }

    internal static string TextOf(ReceivedMessage received) => (received.Message.TextBody ?? "").ReplaceLineEndings("\n");

    [Fact]
    public async Task A_sent_report_waits_for_presets_json_packed_and_its_run_keeps_the_email_and_result_it_sent()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()));

        var run = (await engine.RunAsync(EngineLists.ProductionId)).Run!;

        // Packed in its slot before waiting for the presets.json write, and not unpacked since: nothing read it.
        Assert.True(run.Details.IsPacked);
        var sent = engine.Smtp.Messages[0].Message;
        var stored = await engine.History.GetAsync(run.Summary.RunId, Ct);
        Assert.Equal(sent.Subject, stored!.Email!.Subject);
        Assert.Equal(run.Summary.Counts.ToOrder, stored.Result!.PartsToOrder.Count);
        // The caller still gets what was sent (monitor run --html writes it).
        Assert.Equal(stored.Email.HtmlBody, run.Email!.HtmlBody);
        Assert.Equal(History.RunSamples.Json(stored.Result), History.RunSamples.Json(run.Result));
        Assert.Equal(run.Summary.Hash, engine.LastHashOnDisk(EngineLists.ProductionId));
    }

    [Fact]
    public async Task On_change_reports_the_first_run_stays_quiet_when_nothing_changed_and_reports_a_change_with_what_changed()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()));

        var first = await engine.RunAsync(EngineLists.ProductionId);

        Assert.Equal(CheckStatus.Completed, first.Status);
        var firstRun = first.Run!.Summary;
        Assert.Equal((RunOutcome.Shortages, DeliveryOutcome.Sent, true), (firstRun.Outcome, firstRun.EmailOutcome, firstRun.Changed));
        var report = Assert.Single(engine.Smtp.Messages);
        Assert.Equal([EngineHarness.Planner], report.EnvelopeTo);
        Assert.Equal(EngineLists.ProductionSubject + " — changed", report.Message.Subject);
        Assert.Contains("This is the first report for this list", TextOf(report), StringComparison.Ordinal);
        Assert.Equal(SignificantResult.Hash(first.Run.Result!), firstRun.Hash);
        Assert.Equal(firstRun.Hash, engine.LastHashOnDisk(EngineLists.ProductionId));

        var second = await engine.RunAsync(EngineLists.ProductionId);

        Assert.Equal(RunOutcome.SkippedUnchanged, second.Run!.Summary.Outcome);
        Assert.Null(second.Run.Summary.EmailOutcome);
        Assert.Equal("no change, no email", second.Message);
        Assert.Single(engine.Smtp.Messages);
        Assert.Equal(firstRun.Hash, engine.LastHashOnDisk(EngineLists.ProductionId));

        EmptyTheWiringHarnessShelf(engine);
        var third = await engine.RunAsync(EngineLists.ProductionId);

        var thirdRun = third.Run!.Summary;
        Assert.Equal((RunOutcome.Shortages, DeliveryOutcome.Sent, true), (thirdRun.Outcome, thirdRun.EmailOutcome, thirdRun.Changed));
        Assert.Equal(2, engine.Smtp.Messages.Count);
        var changed = engine.Smtp.Messages[1];
        Assert.Equal(EngineLists.ProductionSubject + " — changed", changed.Message.Subject);
        Assert.Contains("More to order:\n  - Internal Wiring Harness: to order 26 → 56", TextOf(changed), StringComparison.Ordinal);
        Assert.Contains("Internal Wiring Harness", changed.Message.HtmlBody, StringComparison.Ordinal);
        Assert.NotEqual(firstRun.Hash, thirdRun.Hash);
        Assert.Equal(thirdRun.Hash, engine.LastHashOnDisk(EngineLists.ProductionId));

        var history = await engine.History.ListAsync(EngineLists.ProductionId, 0, 10, Ct);
        Assert.Equal([thirdRun.RunId, second.Run.Summary.RunId, firstRun.RunId], history.Select(r => r.RunId));
        Assert.Equal([RunOutcome.Shortages, RunOutcome.SkippedUnchanged, RunOutcome.Shortages], history.Select(r => r.Outcome));
        Assert.All(history, r => Assert.Equal(RunTrigger.Manual, r.Trigger));
    }

    [Fact]
    public async Task Always_sends_a_report_after_every_run_even_when_nothing_changed()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.SensorBoards(NotifyConditions.Always)));

        var outcomes = new List<CheckOutcome>();
        for (var i = 0; i < 3; i++)
        {
            outcomes.Add(await engine.RunAsync(EngineLists.AlwaysId));
        }

        Assert.All(outcomes, o => Assert.Equal((RunOutcome.Shortages, DeliveryOutcome.Sent), (o.Run!.Summary.Outcome, o.Run.Summary.EmailOutcome)));
        Assert.Equal("report sent to 1 recipient", outcomes[0].Message);
        // (e) of SAMPLE_CATALOG.md for the Sensor Board alone: build 1, nothing to order, nothing critical.
        const string Subject = "[MonitorDashboard] Sensor boards, daily: 0 to order, 1 to build";
        Assert.Equal([Subject + " — changed", Subject, Subject], engine.Smtp.Messages.Select(m => m.Message.Subject));
        Assert.Contains("Nothing changed since the last report.", TextOf(engine.Smtp.Messages[2]), StringComparison.Ordinal);
        Assert.Equal(outcomes[2].Run!.Summary.Hash, engine.LastHashOnDisk(EngineLists.AlwaysId));
    }

    [Fact]
    public async Task History_and_the_previous_report_survive_a_restart()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()));
        var before = (await engine.RunAsync(EngineLists.ProductionId)).Run!.Summary;

        await engine.RestartAsync();

        // The dashboard of the new process shows the run from before the restart.
        var listed = Assert.Single(await engine.History.ListAsync(EngineLists.ProductionId, 0, 10, Ct));
        Assert.Equal((before.RunId, RunOutcome.Shortages, before.Hash), (listed.RunId, listed.Outcome, listed.Hash));
        Assert.Equal(before.RunId, engine.State.Find(EngineLists.ProductionId)!.LastRun?.RunId);
        var reported = await engine.History.LastReportedAsync(EngineLists.ProductionId, Ct);
        Assert.Equal(EngineLists.ProductionSubject + " — changed", reported?.Email?.Subject);

        // last_hash came from presets.json: nothing changed, nothing sent.
        Assert.Equal(RunOutcome.SkippedUnchanged, (await engine.RunAsync(EngineLists.ProductionId)).Run!.Summary.Outcome);

        EmptyTheWiringHarnessShelf(engine);
        await engine.RestartAsync();
        var after = await engine.RunAsync(EngineLists.ProductionId);

        Assert.Equal(RunOutcome.Shortages, after.Run!.Summary.Outcome);
        Assert.Equal(2, engine.Smtp.Messages.Count);
        // The diff is against the report sent before the restarts, not a first report.
        Assert.Contains("Internal Wiring Harness: to order 26 → 56", TextOf(engine.Smtp.Messages[1]), StringComparison.Ordinal);
        Assert.DoesNotContain("first report", TextOf(engine.Smtp.Messages[1]), StringComparison.Ordinal);
        Assert.Equal(3, await engine.History.CountAsync(EngineLists.ProductionId, Ct));
    }
}
