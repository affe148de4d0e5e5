using Microsoft.Extensions.DependencyInjection;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring;

/// <summary>
/// "Run now" as the dashboard calls it, and stopping the engine under a running check: the engine as the app builds
/// it, the emulator, a real SMTP server, files on disk. Run now never throws into a browser session, and a stop ends
/// a running check within seconds, recorded as interrupted.
/// </summary>
public sealed class MonitoringEngineRunNowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stopping_the_engine_during_a_check_ends_it_at_once_recorded_as_interrupted_with_what_it_waited_for()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()));
        var monitoring = engine.Services.GetRequiredService<MonitoringEngine>();
        engine.Emulator.Faults.PathFilter = "/api/bom/";
        engine.Emulator.Faults.Paused = true;
        try
        {
            var running = monitoring.RunNowAsync(EngineLists.ProductionId);
            await Poll.UntilAsync(() => engine.Services.GetRequiredService<RunTracker>().Snapshot()
                .Any(r => r.Stage.StartsWith("fetching the BOM of", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the check waits for a BOM");

            // Well under the host's 30 s: a check waiting for InvenTree is cancelled at once, it gets no grace.
            using var stopDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await monitoring.StopAsync(stopDeadline.Token);

            Assert.True(running.IsCompletedSuccessfully, "the check ended before the stop returned");
            var outcome = await running;
            var run = outcome.Run!.Summary;
            Assert.Equal((CheckStatus.Completed, RunOutcome.Interrupted), (outcome.Status, run.Outcome));
            Assert.StartsWith("interrupted: MonitorDashboard stopped while fetching the BOM of ", run.Error, StringComparison.Ordinal);
            // A manual run is not caught up at the next start.
            Assert.DoesNotContain("caught up", run.Error, StringComparison.Ordinal);
            Assert.Equal(run.Error, outcome.Message);
            Assert.Equal(RunOutcome.Interrupted, (await engine.History.GetAsync(run.RunId, Ct))?.Summary.Outcome);
            Assert.False(engine.State.IsRunning(EngineLists.ProductionId));
            Assert.Empty(engine.MessagesTo(EngineHarness.Planner));
        }
        finally
        {
            await Poll.UntilAsync(() => engine.Emulator.Requests.Count == engine.Emulator.RequestCount, because: "InvenTree sees the requests given up");
            engine.Emulator.Faults.Paused = false;
        }
    }

    [Fact]
    public async Task Run_now_of_a_list_that_does_not_exist_says_so_and_records_nothing()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()));

        var outcome = await engine.Services.GetRequiredService<MonitoringEngine>().RunNowAsync("no-such-list");

        Assert.Equal((CheckStatus.NotFound, "no list with id 'no-such-list'"), (outcome.Status, outcome.Message));
        Assert.Empty(await engine.History.LatestPerListAsync(Ct));
    }

    [Fact]
    public async Task Run_now_while_presets_json_is_unreadable_says_that_and_where_instead_of_not_finding_the_list()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()));
        await File.WriteAllTextAsync(engine.PresetsPath, "{ \"presets\": [], \"monitoring_lists\": [ {\n", Ct);
        await engine.Presets.LoadAsync(Ct);

        var outcome = await engine.Services.GetRequiredService<MonitoringEngine>().RunNowAsync(EngineLists.ProductionId);

        Assert.Equal(CheckStatus.Invalid, outcome.Status);
        Assert.StartsWith("not run: " + engine.PresetsPath + " (line ", outcome.Message,
            StringComparison.Ordinal);
        Assert.Empty(await engine.History.LatestPerListAsync(Ct));
        Assert.Empty(engine.MessagesTo(EngineHarness.Planner));
    }
}
