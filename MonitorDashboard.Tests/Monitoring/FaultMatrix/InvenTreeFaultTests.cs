using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Email;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Presets;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.FaultMatrix;

/// <summary>
/// The fault matrix's InvenTree rows (issue 9, item 7): one end-to-end test per fault, with the engine as the app builds
/// it, the emulator's fault modes over real HTTP, a real SMTP server and the history on disk. Each row asserts what a
/// user would notice: what the dashboard shows, what the history records, what the admins get, and that nothing is lost
/// once InvenTree is healthy again. The faults hit one request only, the BOM of #113 Widget Logic Board (in the
/// production plan through Widget Assembly@B), so every error has to say which request failed.
/// </summary>
public sealed class InvenTreeFaultTests
{
    /// <summary>The BOM request of #113 Widget Logic Board (the client always adds <c>&amp;substitutes=true</c>).</summary>
    private const string WidgetLogicBom = "/api/bom/?part=113&";
    private const string WidgetLogicBomStep = "fetching the BOM of Widget Logic Board";
    private const string CheckFailing = "[MonitorDashboard] Check failing: ";
    private const string CheckRecovered = "[MonitorDashboard] Check recovered: ";
    private const int FailingRuns = 3;

    private static readonly DateTimeOffset Morning = new(2026, 11, 26, 6, 59, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>How one broken answer is produced and what its run's error must say.</summary>
    private sealed record BrokenAnswer(Action<EmulatorFaults> Break, string[] Says, Dictionary<string, string?>? Settings = null);

    private static readonly Dictionary<string, BrokenAnswer> BrokenAnswers = new()
    {
        ["drops the connection mid-body"] = new(f => f.DropMidBody = true, ["is unreachable (connection dropped)"]),
        ["answers 500 repeatedly"] = new(f => (f.FailureStatus, f.FailureRate) = (500, 1.0), ["kept failing", "HTTP 500 after 1 retries: Emulated failure (500)."]),
        ["answers 429 repeatedly"] = new(f => (f.FailureStatus, f.FailureRate) = (429, 1.0), ["kept failing", "HTTP 429 after 1 retries: Emulated failure (429)."]),
        ["returns malformed JSON"] = new(f => f.MalformedJson = true, ["returned malformed JSON"]),
        ["returns a huge JSON body"] = new(f => f.HugeBodyBytes = 1 << 20,
            ["(1 MB announced) is larger than the 256 KB limit (InvenTree:MaxResponseBytes)"],
            new() { ["InvenTree:MaxResponseBytes"] = (256 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        ["returns a huge JSON body without Content-Length"] = new(f => (f.HugeBodyBytes, f.HugeBodyWithoutContentLength) = (1 << 20, true),
            ["is larger than the 256 KB limit (InvenTree:MaxResponseBytes)"],
            new() { ["InvenTree:MaxResponseBytes"] = (256 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        // #113's BOM has 8 lines: with pages of 5 the second page is the first one again.
        ["ignores offset"] = new(f => f.IgnoreOffset = true, ["ignored offset for /api/bom/?part=113", "page 2 repeated page 1"],
            new() { ["InvenTree:PageSize"] = "5" }),
    };

    [Theory]
    [InlineData("drops the connection mid-body")]
    [InlineData("answers 500 repeatedly")]
    [InlineData("answers 429 repeatedly")]
    [InlineData("returns malformed JSON")]
    [InlineData("returns a huge JSON body")]
    [InlineData("returns a huge JSON body without Content-Length")]
    [InlineData("ignores offset")]
    public async Task When_InvenTree_breaks_its_answer_every_run_fails_with_what_went_wrong_the_admins_are_told_once_and_nothing_is_lost(string fault)
    {
        var broken = BrokenAnswers[fault];
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()), settings: broken.Settings);
        engine.Emulator.Faults.PathFilter = WidgetLogicBom;
        broken.Break(engine.Emulator.Faults);

        var failed = new List<CheckOutcome>();
        for (var i = 0; i < FailingRuns; i++)
        {
            failed.Add(await engine.RunAsync(EngineLists.ProductionId));
        }

        Assert.All(failed, outcome => AssertFailedFetchingWidgetLogicBom(outcome, broken.Says));
        await AssertFailingStreakAsync(engine, EngineLists.ProductionId, EngineLists.ProductionName, failed);

        engine.Emulator.Faults.Reset();
        await AssertNothingLostAsync(engine, failed);
    }

    [Fact]
    public async Task When_InvenTree_stalls_mid_body_each_attempt_is_given_up_after_the_request_timeout_and_the_run_fails_as_timed_out()
    {
        var requestTimeout = TimeSpan.FromSeconds(30);
        var time = new FakeTimeProvider(Morning);
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()), time, new Dictionary<string, string?>
        {
            ["InvenTree:RequestTimeout"] = "00:00:30",
            ["InvenTree:RetryBaseDelay"] = "00:00:00",
        });
        engine.Emulator.Faults.PathFilter = WidgetLogicBom;
        engine.Emulator.Faults.StallMidBody = true;

        var failed = new List<CheckOutcome>();
        for (var i = 0; i < FailingRuns; i++)
        {
            var run = engine.Runner.RunAsync(new CheckRequest(EngineLists.ProductionId, RunTrigger.Manual), Ct);
            // Two attempts (MaxRetries 1), each with headers and half the body sent, then silence: each is given up
            // once its own deadline passes on the clock, which covers the body.
            for (var attempt = 1; attempt <= 2; attempt++)
            {
                var arrived = 2 * i + attempt;
                // Nothing else in flight: moving the clock must time out the stalled attempt, not another request.
                await Poll.UntilAsync(() => StartedAnswers(engine, WidgetLogicBom) == arrived
                                             && StagesOf(engine, EngineLists.ProductionId).SequenceEqual([WidgetLogicBomStep]),
                    TimeSpan.FromSeconds(60), $"attempt {attempt} of run {i + 1} should be stalled mid-body, and nothing else in flight");
                time.Advance(requestTimeout);
            }
            failed.Add(await run.WaitAsync(TimeSpan.FromSeconds(60), Ct));
            await engine.NoticesSentAsync();
        }

        Assert.All(failed, outcome =>
        {
            AssertFailedFetchingWidgetLogicBom(outcome, ["is unreachable (timed out)"]);
            // Given up after two attempts of 30 s, long before the check's own deadline (5 min).
            Assert.Equal(2 * requestTimeout, outcome.Run!.Summary.FinishedAt - outcome.Run.Summary.StartedAt);
        });
        await AssertFailingStreakAsync(engine, EngineLists.ProductionId, EngineLists.ProductionName, failed);

        engine.Emulator.Faults.Reset();
        await AssertNothingLostAsync(engine, failed);
    }

    [Fact]
    public async Task When_InvenTree_is_slow_but_within_the_deadlines_the_run_succeeds_as_usual()
    {
        var latency = TimeSpan.FromMilliseconds(200);
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()));
        engine.Emulator.Faults.Latency = latency;

        var slow = await engine.RunAsync(EngineLists.ProductionId);

        var run = slow.Run!.Summary;
        Assert.Equal((RunOutcome.Shortages, DeliveryOutcome.Sent, null), (run.Outcome, run.EmailOutcome, run.Error));
        Assert.Equal("report sent to 1 recipient", slow.Message);
        // Four BOM levels, fetched one after the other, each answer delayed: the slowness was there.
        Assert.True(run.FinishedAt - run.StartedAt >= 3 * latency, $"the run took {run.FinishedAt - run.StartedAt}");
        var view = engine.State.Find(EngineLists.ProductionId)!;
        Assert.Equal((ListStatus.Shortages, null), (view.Status, view.LastError));
        Assert.Equal(EngineLists.ProductionSubject + " — changed", Assert.Single(engine.MessagesTo(EngineHarness.Planner)).Message.Subject);
        Assert.Equal(run.Hash, engine.LastHashOnDisk(EngineLists.ProductionId));
        Assert.Empty(engine.MessagesTo(EngineHarness.Admin));
        Assert.Equal(run.RunId, Assert.Single(await engine.History.ListAsync(EngineLists.ProductionId, 0, 10, Ct)).RunId);
    }

    [Fact]
    public async Task When_InvenTree_is_slower_than_the_check_timeout_the_run_fails_as_timed_out_while_waiting_for_that_request()
    {
        var time = new FakeTimeProvider(Morning);
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()), time, new Dictionary<string, string?>
        {
            ["Monitoring:CheckTimeout"] = "00:01:00",
            // One slow answer, within the request timeout: only the check's own deadline can end the wait.
            ["InvenTree:RequestTimeout"] = "00:05:00",
            ["InvenTree:RetryBaseDelay"] = "00:00:00",
        });
        engine.Emulator.Faults.PathFilter = WidgetLogicBom;
        engine.Emulator.Faults.Latency = TimeSpan.FromMinutes(2);

        var failed = new List<CheckOutcome>();
        for (var i = 0; i < FailingRuns; i++)
        {
            var run = engine.Runner.RunAsync(new CheckRequest(EngineLists.ProductionId, RunTrigger.Manual), Ct);
            await Poll.UntilAsync(() => StagesOf(engine, EngineLists.ProductionId).SequenceEqual([WidgetLogicBomStep]), TimeSpan.FromSeconds(60),
                $"run {i + 1} should be waiting for the slow BOM and nothing else");
            time.Advance(TimeSpan.FromMinutes(1));
            failed.Add(await run.WaitAsync(TimeSpan.FromSeconds(60), Ct));
            await engine.NoticesSentAsync();
        }

        Assert.All(failed, outcome =>
        {
            var run = outcome.Run!.Summary;
            Assert.Equal((RunOutcome.Failed, null), (run.Outcome, run.EmailOutcome));
            Assert.Equal("timed out after 1 min while " + WidgetLogicBomStep, run.Error);
            Assert.Equal("check failed: " + run.Error, outcome.Message);
        });
        await AssertFailingStreakAsync(engine, EngineLists.ProductionId, EngineLists.ProductionName, failed);

        engine.Emulator.Faults.Reset();
        await AssertNothingLostAsync(engine, failed);
    }

    /// <summary>
    /// The "Done when": five lists on schedules, two slots, and the two lists that need #113's BOM stalled by
    /// InvenTree for three occurrences. Their checks hold both slots until the check timeout, then the others run —
    /// every occurrence of every list runs and is recorded, the admins hear once per stalled list, and after the stall
    /// clears every list reports exactly once (the "always" list once per run).
    /// </summary>
    [Fact]
    public async Task With_two_lists_stalled_on_InvenTree_every_other_list_stays_on_schedule_every_run_is_recorded_and_no_report_is_sent_twice()
    {
        var checkTimeout = TimeSpan.FromSeconds(20);
        var logicBoards = List("Widget logic boards", "*/10 * * * *", NotifyConditions.OnChange, ("Widget Logic Board", 20, null));
        var widgets = List("Widget assemblies", "*/10 * * * *", NotifyConditions.OnChange, ("Widget Assembly", 3, "B"));
        var sensors = List("Sensor boards", "*/5 * * * *", NotifyConditions.Always, ("Sensor Board", 10, null));
        var relays = List("Relay boards", "*/10 * * * *", NotifyConditions.OnChange, ("Relay Expansion Board", 10, null));
        var controllers = List("Controller boards", "*/10 * * * *", NotifyConditions.OnChange, ("Main Controller Board", 5, null));
        JsonObject[] all = [logicBoards, widgets, sensors, relays, controllers];
        string[] stalled = [Id(logicBoards), Id(widgets)];
        var time = new FakeTimeProvider(Morning);
        // The stalled lists come first in the file, so their checks take both slots and the others have to wait.
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(all), time, new Dictionary<string, string?>
        {
            ["Monitoring:MaxConcurrentChecks"] = "2",
            ["Monitoring:CheckTimeout"] = "00:00:20",
            // One attempt gives up after 15 s, but its retry would outlast the check: the check's deadline ends the wait.
            ["InvenTree:RequestTimeout"] = "00:00:15",
            ["InvenTree:RetryBaseDelay"] = "00:00:00",
        });
        var timedOut = "timed out after 20 s while " + WidgetLogicBomStep;
        Assert.Empty((await engine.Dispatcher.TickAsync(Ct)).Started);
        engine.Emulator.Faults.PathFilter = WidgetLogicBom;
        engine.Emulator.Faults.StallMidBody = true;

        var first = Morning.AddMinutes(1);
        var occurrences = Enumerable.Range(0, 9).Select(i => first.AddMinutes(5 * i)).ToList(); // 07:00 … 07:40
        var healed = first.AddMinutes(30);
        foreach (var due in occurrences)
        {
            if (due == healed)
            {
                // Three failed runs each: the dashboard shows both failing, the admins were told once per list.
                Assert.All(stalled, id => Assert.Equal((ListStatus.Failing, timedOut), (engine.State.Find(id)!.Status, engine.State.Find(id)!.LastError)));
                Assert.Equal([CheckFailing + "Widget assemblies", CheckFailing + "Widget logic boards"],
                    engine.MessagesTo(EngineHarness.Admin).Select(m => m.Message.Subject).Order(StringComparer.Ordinal));
                engine.Emulator.Faults.Reset();
            }
            time.SetUtcNow(due);
            var tick = await engine.Dispatcher.TickAsync(Ct);
            var expected = due.Minute % 10 == 0 ? all.Length : 1;
            Assert.Equal(expected, tick.Started.Count);
            if (due < healed && expected == all.Length)
            {
                // Both slots held by stalled checks, the other three due lists queued behind them.
                var tracker = engine.Services.GetRequiredService<RunTracker>();
                await Poll.UntilAsync(() =>
                {
                    var runs = tracker.Snapshot();
                    return runs.Count(r => stalled.Contains(r.ListId) && r.Stage == WidgetLogicBomStep) == 2
                           && runs.Count(r => !stalled.Contains(r.ListId) && r.StartedAt is null) == all.Length - 2;
                }, TimeSpan.FromSeconds(60), $"at {due:HH:mm} the two stalled checks should hold both slots");
                time.Advance(checkTimeout);
            }
            var finished = await Task.WhenAll(tick.Started).WaitAsync(TimeSpan.FromSeconds(120), Ct);
            await engine.NoticesSentAsync();
            Assert.All(finished, o => Assert.Equal(CheckStatus.Completed, o.Status));
            Assert.All(finished.Where(o => due < healed && stalled.Contains(o.Run!.Summary.ListId)),
                o => Assert.Equal("check failed: " + timedOut, o.Message));
            // Ticking again at the same moment starts nothing: an occurrence runs once.
            Assert.Empty((await engine.Dispatcher.TickAsync(Ct)).Started);
        }

        // Every occurrence of every list ran on schedule and is in the history, in order.
        foreach (var list in all)
        {
            var id = Id(list);
            var history = (await engine.History.ListAsync(id, 0, 50, Ct)).OrderBy(r => r.ScheduledFor).ToList();
            var schedule = occurrences.Where(o => list == sensors || o.Minute % 10 == 0).ToList();
            Assert.Equal(schedule, history.Select(r => r.ScheduledFor!.Value));
            Assert.All(history, r =>
            {
                Assert.Equal(RunTrigger.Schedule, r.Trigger);
                // At worst it waited for a slot until the stalled checks' deadline.
                Assert.InRange(r.StartedAt - r.ScheduledFor!.Value, TimeSpan.Zero, checkTimeout);
            });
            if (stalled.Contains(id))
            {
                Assert.All(history.Where(r => r.ScheduledFor < healed), r =>
                {
                    Assert.Equal((RunOutcome.Failed, null), (r.Outcome, r.EmailOutcome));
                    Assert.Equal(timedOut, r.Error);
                });
                Assert.Equal(3, history.Count(r => r.Outcome == RunOutcome.Failed));
                Assert.All(history.Where(r => r.ScheduledFor >= healed), r => Assert.NotEqual(RunOutcome.Failed, r.Outcome));
            }
            else
            {
                Assert.DoesNotContain(history, r => r.Outcome is RunOutcome.Failed or RunOutcome.Missed or RunOutcome.Interrupted);
            }

            // Reports: on_change lists exactly one (the first successful run), the "always" list one per run.
            var reports = engine.MessagesTo(EngineHarness.Planner)
                .Count(m => m.Message.Subject?.StartsWith($"[MonitorDashboard] {Name(list)}: ", StringComparison.Ordinal) == true);
            var sent = history.Where(r => r.EmailOutcome == DeliveryOutcome.Sent).ToList();
            Assert.Equal(list == sensors ? schedule.Count : 1, reports);
            Assert.Equal(reports, sent.Count);
            Assert.Equal(sent[^1].Hash, engine.LastHashOnDisk(id));
            var view = engine.State.Find(id)!;
            Assert.Null(view.LastError);
            Assert.Contains(view.Status, new[] { ListStatus.Ok, ListStatus.Shortages });
        }

        // The admins: one "failing" per stalled list however many runs failed, one "recovered" each once it cleared.
        Assert.Equal(
            [CheckFailing + "Widget assemblies", CheckFailing + "Widget logic boards", CheckRecovered + "Widget assemblies", CheckRecovered + "Widget logic boards"],
            engine.MessagesTo(EngineHarness.Admin).Select(m => m.Message.Subject).Order(StringComparer.Ordinal));
    }

    /// <summary>A failed run whose error says which request failed, in words and by its path, and what went wrong.</summary>
    private static void AssertFailedFetchingWidgetLogicBom(CheckOutcome outcome, string[] says)
    {
        Assert.Equal(CheckStatus.Completed, outcome.Status);
        var run = outcome.Run!.Summary;
        Assert.Equal((RunOutcome.Failed, null), (run.Outcome, run.EmailOutcome));
        Assert.Equal("check failed: " + run.Error, outcome.Message);
        Assert.StartsWith(WidgetLogicBomStep + " failed: InvenTree", run.Error, StringComparison.Ordinal);
        Assert.Contains(WidgetLogicBom, run.Error, StringComparison.Ordinal);
        foreach (var words in says)
        {
            Assert.Contains(words, run.Error, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(EngineHarness.InvenTreeToken, run.Error, StringComparison.Ordinal);
        Assert.False(run.Error!.EndsWith("..", StringComparison.Ordinal), run.Error);
    }

    /// <summary>
    /// After <paramref name="failed"/>: the dashboard shows the list failing with the last error, the history holds every
    /// failed run, the admins got one "failing" notice with the error, and no report went out.
    /// </summary>
    private static async Task AssertFailingStreakAsync(EngineHarness engine, string listId, string listName, IReadOnlyList<CheckOutcome> failed)
    {
        var last = failed[^1].Run!.Summary;
        var view = engine.State.Find(listId)!;
        Assert.Equal((ListStatus.Failing, last.Error), (view.Status, view.LastError));

        var history = await engine.History.ListAsync(listId, 0, 50, Ct);
        Assert.Equal(failed.Select(o => o.Run!.Summary.RunId).Reverse(), history.Select(r => r.RunId));
        Assert.All(history, r => Assert.Equal(RunOutcome.Failed, r.Outcome));
        Assert.Equal(failed.Select(o => o.Run!.Summary.Error), history.Select(r => r.Error).Reverse());
        var state = await engine.History.GetStateAsync(listId, Ct);
        Assert.Equal((failed.Count, true), (state!.ConsecutiveFailures, state.FailureNoticeSent));

        var notice = Assert.Single(engine.MessagesTo(EngineHarness.Admin));
        Assert.Equal(CheckFailing + listName, notice.Message.Subject);
        Assert.Contains("Error: " + failed[0].Run!.Summary.Error, EngineEndToEndTests.TextOf(notice), StringComparison.Ordinal);

        Assert.Empty(engine.MessagesTo(EngineHarness.Planner));
        Assert.Null(engine.LastHashOnDisk(listId));
    }

    /// <summary>
    /// With InvenTree healthy again: the next run sends the report and saves last_hash, the one after sends nothing (no
    /// report twice), the admins get one "recovered", and the failed runs stay in the history.
    /// </summary>
    private static async Task AssertNothingLostAsync(EngineHarness engine, IReadOnlyList<CheckOutcome> failed)
    {
        var recovered = await engine.RunAsync(EngineLists.ProductionId);
        var unchanged = await engine.RunAsync(EngineLists.ProductionId);

        var sent = recovered.Run!.Summary;
        Assert.Equal((RunOutcome.Shortages, DeliveryOutcome.Sent, true), (sent.Outcome, sent.EmailOutcome, sent.Changed));
        Assert.Equal("report sent to 1 recipient", recovered.Message);
        Assert.Equal((RunOutcome.SkippedUnchanged, "no change, no email"), (unchanged.Run!.Summary.Outcome, unchanged.Message));
        Assert.Equal(EngineLists.ProductionSubject + " — changed", Assert.Single(engine.MessagesTo(EngineHarness.Planner)).Message.Subject);
        Assert.Equal(sent.Hash, engine.LastHashOnDisk(EngineLists.ProductionId));

        var view = engine.State.Find(EngineLists.ProductionId)!;
        Assert.Equal((ListStatus.Shortages, null), (view.Status, view.LastError));
        Assert.Equal(
            [CheckFailing + EngineLists.ProductionName, CheckRecovered + EngineLists.ProductionName],
            engine.MessagesTo(EngineHarness.Admin).Select(m => m.Message.Subject));

        var history = await engine.History.ListAsync(EngineLists.ProductionId, 0, 50, Ct);
        Assert.Equal(
            [unchanged.Run.Summary.RunId, sent.RunId, .. failed.Select(o => o.Run!.Summary.RunId).Reverse()],
            history.Select(r => r.RunId));
        var state = await engine.History.GetStateAsync(EngineLists.ProductionId, Ct);
        Assert.Equal((0, false, null), (state!.ConsecutiveFailures, state.FailureNoticeSent, state.FailingSince));
    }

    /// <summary>Answers to requests starting with <paramref name="pathPrefix"/> that began (a stalled one included).</summary>
    private static int StartedAnswers(EngineHarness engine, string pathPrefix) =>
        engine.Emulator.Requests.Count(r => r.PathAndQuery.StartsWith(pathPrefix, StringComparison.Ordinal));

    /// <summary>What the list's running check waits for, as the status page sees it.</summary>
    private static IEnumerable<string> StagesOf(EngineHarness engine, string listId) =>
        engine.Services.GetRequiredService<RunTracker>().Snapshot().Where(r => r.ListId == listId).Select(r => r.Stage);

    private static JsonObject List(string name, string cron, string notify, params (string Name, int Quantity, string? Version)[] parts) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["name"] = name,
        ["parts"] = new JsonArray([.. parts.Select(p => p.Version is null
            ? new JsonObject { ["name"] = p.Name, ["quantity"] = p.Quantity }
            : new JsonObject { ["name"] = p.Name, ["quantity"] = p.Quantity, ["version"] = p.Version })]),
        ["active"] = true,
        ["cron_schedule"] = cron,
        ["timezone"] = "UTC",
        ["recipients"] = new JsonArray(EngineHarness.Planner),
        ["notify_condition"] = notify,
        ["last_hash"] = null,
    };

    private static string Id(JsonObject list) => (string)list["id"]!;

    private static string Name(JsonObject list) => (string)list["name"]!;
}
