using System.Text.Json.Nodes;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.Scheduling;

/// <summary>
/// The runs the dispatcher starts: no overlap per list, the bound on concurrent checks, isolation of a bad list,
/// and InvenTree answers shared by the checks of one tick. Slow checks are held with the emulator's pause.
/// </summary>
public sealed class MonitorDispatcherRunTests
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset At(int hour, int minute) => SchedulerHarness.Start.AddHours(hour - 8).AddMinutes(minute);

    /// <summary>Requests the emulator has received but not answered yet.</summary>
    private static int Unanswered(SchedulerHarness harness) => harness.Emulator.RequestCount - harness.Emulator.Requests.Count;

    [Fact]
    public async Task A_run_that_outlasts_its_interval_makes_the_next_due_time_report_already_running_and_never_overlaps()
    {
        var list = SchedulerHarness.List("Slow", "*/5 * * * *");
        await using var harness = await SchedulerHarness.StartAsync([list]);
        await harness.TickAndWaitAsync();

        harness.Emulator.Faults.Paused = true;
        var slow = Assert.Single((await harness.AdvanceAndStartAsync(FiveMinutes)).Started);
        await Poll.UntilAsync(() => Unanswered(harness) > 0, because: "the 08:05 check reaches InvenTree");

        var second = await harness.AdvanceAndTickAsync(FiveMinutes);

        Assert.Equal(CheckStatus.AlreadyRunning, Assert.Single(second).Status);
        Assert.Equal("'Slow' is already running", second[0].Message);
        Assert.Equal(1, harness.Runner.InFlight);
        Assert.True(harness.State.IsRunning(list.Id));
        Assert.False(slow.IsCompleted);

        harness.Emulator.Faults.Paused = false;
        Assert.Equal(CheckStatus.Completed, (await slow).Status);
        await harness.AdvanceAndTickAsync(FiveMinutes);

        var runs = (await harness.RunsAsync(list.Id)).OrderBy(r => r.ScheduledFor).ToList();
        Assert.Equal([(At(8, 5), false), (At(8, 10), true), (At(8, 15), false)],
            runs.Select(r => (r.ScheduledFor!.Value, r.Outcome == RunOutcome.Missed)));
        // The 08:10 occurrence is in the history with the reason it did not run.
        Assert.Equal("not run: the previous run of 'Slow' was still running", runs[1].Error);
        Assert.Equal(At(8, 10), runs[0].FinishedAt);
        Assert.True(runs[2].StartedAt >= runs[0].FinishedAt);
        Assert.Equal(At(8, 20), harness.State.Find(list.Id)!.NextRun);
    }

    [Fact]
    public async Task Lists_due_together_run_at_most_max_concurrent_checks_at_a_time_and_the_rest_queue()
    {
        string[] parts = ["Resistor 10k 0603", "Capacitor 100nF 0603", "Crystal 8 MHz", "SPI Flash 8MB"];
        var lists = parts.Select(p => SchedulerHarness.List("Needs " + p, "*/5 * * * *", p)).ToList();
        await using var harness = await SchedulerHarness.StartAsync(lists, new Dictionary<string, string?> { ["Monitoring:MaxConcurrentChecks"] = "2" });
        await harness.TickAndWaitAsync();

        harness.Emulator.Faults.Paused = true;
        harness.Emulator.ResetCounters();
        var tick = await harness.AdvanceAndStartAsync(FiveMinutes);
        Assert.Equal(4, tick.Started.Count);

        // Each held check waits on its one part lookup; the server-info request is shared by the tick's checks.
        await Poll.UntilAsync(() => Unanswered(harness) == 1 + 2, because: "two checks reach InvenTree");
        Assert.Equal(4, harness.Runner.InFlight);
        Assert.Equal(1 + 2, harness.Emulator.RequestCount);
        Assert.All(lists, l => Assert.True(harness.State.IsRunning(l.Id)));

        harness.Emulator.Faults.Paused = false;
        var outcomes = await Task.WhenAll(tick.Started);

        Assert.All(outcomes, o => Assert.Equal(CheckStatus.Completed, o.Status));
        Assert.Equal(1 + 4, harness.Emulator.Requests.Count);
        foreach (var list in lists)
        {
            Assert.Equal([At(8, 5)], (await harness.RunsAsync(list.Id)).Select(r => r.ScheduledFor!.Value));
        }
    }

    [Fact]
    public async Task An_invalid_list_and_a_list_of_unknown_parts_do_not_affect_a_good_list_due_at_the_same_time()
    {
        var good = SchedulerHarness.List("Good", "*/5 * * * *");
        var unknown = SchedulerHarness.List("Unknown parts", "*/5 * * * *", "No Such Part 9000");
        await using var harness = await SchedulerHarness.StartAsync([good, unknown]);
        const string invalidId = "6f2f0f7e-3b9d-4d59-9d8f-0b6c2f1f9a10";
        var document = JsonNode.Parse(await File.ReadAllTextAsync(harness.PresetsPath, Ct))!;
        document["monitoring_lists"]!.AsArray().Insert(0, JsonNode.Parse($$"""
            { "id": "{{invalidId}}", "name": "Broken by hand", "parts": [ { "name": "Crystal 8 MHz", "quantity": 0 } ],
              "cron_schedule": "*/5 * * * *", "recipients": ["not-an-address"] }
            """));
        await File.WriteAllTextAsync(harness.PresetsPath, document.ToJsonString(), Ct);
        await harness.Presets.LoadAsync(Ct);
        await harness.TickAndWaitAsync();

        var outcomes = await harness.AdvanceAndTickAsync(FiveMinutes);

        Assert.Equal(2, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(CheckStatus.Completed, o.Status));
        var goodRun = Assert.Single(await harness.RunsAsync(good.Id));
        Assert.Contains(goodRun.Outcome, new[] { RunOutcome.Ok, RunOutcome.Shortages });
        Assert.Equal((0, null), (goodRun.Counts.NotFound, goodRun.Error));
        var unknownRun = Assert.Single(await harness.RunsAsync(unknown.Id));
        Assert.Equal((1, null), (unknownRun.Counts.NotFound, unknownRun.Error));
        Assert.Empty(await harness.RunsAsync(invalidId));
        var invalid = harness.State.Find(invalidId)!;
        Assert.Equal((ListStatus.Invalid, (DateTimeOffset?)null), (invalid.Status, invalid.NextRun));
        Assert.Empty(harness.State.RecentErrors);
    }

    [Fact]
    public async Task Checks_due_in_the_same_tick_share_the_inventree_answers()
    {
        string[] parts = ["Power Supply Board", "Sensor Head Assembly"];
        var first = SchedulerHarness.List("First", "*/5 * * * *", parts);
        await using var harness = await SchedulerHarness.StartAsync([first]);
        await harness.TickAndWaitAsync();
        harness.Emulator.ResetCounters();
        await harness.AdvanceAndTickAsync(FiveMinutes);
        var oneCheck = harness.Emulator.RequestCount;

        var snapshot = await harness.CurrentPresetsAsync();
        var second = SchedulerHarness.List("Second, same parts", "*/5 * * * *", parts);
        await harness.Presets.AddListAsync(second, snapshot.Version, Ct);
        await harness.TickAndWaitAsync();
        harness.Emulator.ResetCounters();
        var outcomes = await harness.AdvanceAndTickAsync(FiveMinutes);

        Assert.Equal(2, outcomes.Count);
        Assert.True(oneCheck > 4, $"a check of two assemblies costs more than a few requests ({oneCheck})");
        Assert.Equal(oneCheck, harness.Emulator.RequestCount);
        Assert.Equal(outcomes[0].Run!.Summary.Hash, outcomes[1].Run!.Summary.Hash);
    }
}
