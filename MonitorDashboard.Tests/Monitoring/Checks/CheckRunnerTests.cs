using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Tests.Email.Templates;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.Checks;

/// <summary>
/// Checks that do not end normally, through the real pipeline (the engine as the app builds it, the emulator, a real
/// SMTP server, the history on disk): a check past <c>Monitoring:CheckTimeout</c> and a report template that breaks are
/// recorded as failed with a reason a person understands, count in the failure streak and tell the admins once.
/// </summary>
public sealed class CheckRunnerTests
{
    private const string WidgetId = "5b0e6a1c-7d2f-4e38-9a41-0c6d2b8e1f03";
    private const string WidgetName = "Widget assemblies";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_check_past_its_deadline_is_recorded_as_failed_saying_what_it_waited_for_and_counts_in_the_streak()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero));
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(WidgetList()), time, new Dictionary<string, string?>
        {
            ["Monitoring:CheckTimeout"] = "00:05:00",
            // Only the check's deadline may fire when the clock moves, not the per-request timeout.
            ["InvenTree:RequestTimeout"] = "12:00:00",
        });
        engine.Emulator.Faults.PathFilter = "/api/bom/";
        engine.Emulator.Faults.Paused = true;
        try
        {
            var first = await RunUntilDeadlineAsync(engine, time);
            var second = await RunUntilDeadlineAsync(engine, time);

            foreach (var outcome in new[] { first, second })
            {
                var run = outcome.Run!.Summary;
                Assert.Equal(RunOutcome.Failed, run.Outcome);
                Assert.StartsWith("timed out after 5 min while fetching the BOM of Widget Assembly", run.Error, StringComparison.Ordinal);
                Assert.Equal("check failed: " + run.Error, outcome.Message);
                Assert.Equal(RunOutcome.Failed, (await engine.History.GetAsync(run.RunId, Ct))?.Summary.Outcome);
            }
            var state = await engine.History.GetStateAsync(WidgetId, Ct);
            Assert.Equal((2, true), (state!.ConsecutiveFailures, state.FailureNoticeSent));
            Assert.Equal([$"[MonitorDashboard] Check failing: {WidgetName}"], engine.MessagesTo(EngineHarness.Admin).Select(m => m.Message.Subject));
            Assert.Empty(engine.MessagesTo(EngineHarness.Planner));
            Assert.Empty(engine.Services.GetRequiredService<RunTracker>().Snapshot());
        }
        finally
        {
            // The given-up requests end on the server before it is let go, so nothing is left waiting on the fake clock.
            await Poll.UntilAsync(() => engine.Emulator.Requests.Count == engine.Emulator.RequestCount, because: "InvenTree sees the requests given up");
            engine.Emulator.Faults.Paused = false;
        }
    }

    [Fact]
    public async Task A_check_runs_on_the_check_threads_below_the_dashboard_and_leaves_them_when_it_ends()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(WidgetList()));
        var threads = engine.Services.GetRequiredService<CheckThreads>();
        var tracker = engine.Services.GetRequiredService<RunTracker>();
        engine.Emulator.Faults.PathFilter = "/api/bom/";
        engine.Emulator.Faults.Paused = true;

        var running = engine.Runner.RunAsync(new CheckRequest(WidgetId, RunTrigger.Manual), Ct);
        await Poll.UntilAsync(() => tracker.Snapshot().Any(r => r.Stage.StartsWith("fetching the BOM of", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), "the check waits for the BOM");
        Assert.Equal(1, threads.Running);
        engine.Emulator.Faults.Paused = false;

        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(RunOutcome.Shortages, outcome.Run!.Summary.Outcome);
        Assert.Equal(0, threads.Running);
    }

    [Theory]
    [InlineData("{% if report.changed %}")]
    [InlineData("{% render '_no_such_partial.html' %}")]
    [InlineData("{{ report.summary.to_order | divided_by: 0 }}")]
    public async Task A_report_template_that_breaks_fails_the_run_as_not_rendered_counts_in_the_streak_and_tells_the_admins_once(string breakage)
    {
        using var templates = new TempTemplates();
        templates.Edit("report.html.liquid", t => t + "\n" + breakage + "\n");
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()),
            settings: new Dictionary<string, string?> { ["EmailTemplates:Folder"] = templates.Folder });

        var first = (await engine.RunAsync(EngineLists.ProductionId)).Run!.Summary;
        var second = (await engine.RunAsync(EngineLists.ProductionId)).Run!.Summary;

        Assert.All(new[] { first, second }, run =>
        {
            Assert.Equal(RunOutcome.Failed, run.Outcome);
            Assert.StartsWith("the report could not be rendered: report.html.liquid", run.Error, StringComparison.Ordinal);
        });
        Assert.Equal(2, (await engine.History.GetStateAsync(EngineLists.ProductionId, Ct))!.ConsecutiveFailures);
        var notice = Assert.Single(engine.MessagesTo(EngineHarness.Admin));
        Assert.Equal($"[MonitorDashboard] Check failing: {EngineLists.ProductionName}", notice.Message.Subject);
        Assert.Contains("report.html.liquid", notice.Message.TextBody, StringComparison.Ordinal);
        Assert.Empty(engine.MessagesTo(EngineHarness.Planner));
        Assert.Null(engine.LastHashOnDisk(EngineLists.ProductionId));
    }

    /// <summary>Starts a run, waits until it is held at the BOM request, moves the clock past its deadline and returns its outcome.</summary>
    private static async Task<CheckOutcome> RunUntilDeadlineAsync(EngineHarness engine, FakeTimeProvider time)
    {
        var tracker = engine.Services.GetRequiredService<RunTracker>();
        var running = engine.Runner.RunAsync(new CheckRequest(WidgetId, RunTrigger.Manual), Ct);
        await Poll.UntilAsync(() => tracker.Snapshot().Any(r => r.Stage.StartsWith("fetching the BOM of", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), "the check waits for the BOM");
        time.Advance(TimeSpan.FromMinutes(5));
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await engine.NoticesSentAsync();
        return outcome;
    }

    /// <summary>Only Widget Assembly rev B, so the one BOM a check waits for first is its.</summary>
    private static JsonObject WidgetList()
    {
        var list = EngineLists.Production();
        list["id"] = WidgetId;
        list["name"] = WidgetName;
        list["parts"] = new JsonArray(new JsonObject { ["name"] = "Widget Assembly", ["quantity"] = 5, ["version"] = "B" });
        return list;
    }
}
