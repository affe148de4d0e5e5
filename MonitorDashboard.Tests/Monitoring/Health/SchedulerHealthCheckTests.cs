using MonitorDashboard.Cron;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.Health;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Tests.Presets;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.Health;

/// <summary>
/// The scheduler's health judges what it does, not only that it ticks: checks past their deadline, lists that cannot get
/// a slot, runs that should have happened and did not, and a silent scheduler. The state and the tracker are the real
/// ones, on a fake clock.
/// </summary>
public sealed class SchedulerHealthCheckTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);
    private static readonly MonitoringOptions Settings = new() { CheckTimeout = TimeSpan.FromMinutes(5), MaxConcurrentChecks = 2 };

    private readonly FakeTimeProvider _clock = new(T0);
    private readonly MonitorState _state;
    private readonly RunTracker _runs;
    private readonly SchedulerHealthCheck _check;
    private readonly List<RunTracker.Handle> _tracked = [];

    public SchedulerHealthCheckTests()
    {
        var options = Options.Create(Settings);
        _state = new MonitorState(_clock, Options.Create(new ScheduleOptions()), NullLogger<MonitorState>.Instance);
        _runs = new RunTracker(_clock);
        _check = new SchedulerHealthCheck(_state, _runs, options, _clock);
    }

    public void Dispose()
    {
        foreach (var handle in _tracked)
        {
            handle.Dispose();
        }
    }

    [Fact]
    public async Task Healthy_while_it_ticks_saying_how_many_checks_run_and_wait()
    {
        Start("Production plan");
        Queue("Sensor boards");
        _clock.Advance(TimeSpan.FromSeconds(2));
        _state.Heartbeat();

        var result = await CheckAsync();

        Assert.Equal((HealthStatus.Healthy, "last tick 0 s ago; 1 check running, 1 waiting"), (result.Status, result.Description));
        Assert.Equal(1, result.Data["running"]);
        Assert.Equal(1, result.Data["waiting"]);
        Assert.Equal(_clock.GetUtcNow(), result.Data["lastTick"]);
    }

    [Fact]
    public async Task A_check_running_past_its_deadline_by_more_than_thirty_seconds_is_unhealthy_naming_the_list_the_time_the_deadline_and_the_stage()
    {
        var progress = Start("Production plan");
        progress.Enter("fetching from InvenTree", () => "fetching the BOM of Widget Assembly");

        TickAfter(Settings.CheckTimeout + SchedulerHealthCheck.DeadlineSlack);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
        TickAfter(TimeSpan.FromSeconds(1));

        var result = await CheckAsync();
        Assert.Equal((HealthStatus.Unhealthy,
                "the check of 'Production plan' has run for 5 min 31 s, past its 5 min deadline (while fetching the BOM of Widget Assembly)"),
            (result.Status, result.Description));
        Assert.Equal(1, result.Data["running"]);
    }

    [Fact]
    public async Task A_list_waiting_for_a_slot_longer_than_a_whole_check_may_take_is_unhealthy()
    {
        Start("Production plan");
        Start("Nightly");
        Queue("Sensor boards");

        TickAfter(Settings.CheckTimeout);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
        TickAfter(TimeSpan.FromSeconds(1));

        Assert.Equal((HealthStatus.Unhealthy, "'Sensor boards' has waited 5 min 1 s for a free check slot (2 at a time, 2 running)"),
            Describe(await CheckAsync()));
    }

    [Fact]
    public async Task A_list_whose_next_run_passed_more_than_a_minute_ago_is_unhealthy_unless_it_is_running()
    {
        using var presets = new TempPresetsFolder(_clock);
        presets.Write(EngineLists.File(EngineLists.Production()));
        _state.ApplyPresets(await presets.Store.LoadAsync(TestContext.Current.CancellationToken));
        _state.SetNextRuns(new Dictionary<string, DateTimeOffset?> { [EngineLists.ProductionId] = T0 });

        TickAfter(SchedulerHealthCheck.OverdueAfter);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
        TickAfter(TimeSpan.FromSeconds(1));
        Assert.Equal((HealthStatus.Unhealthy, "'Production plan' should have run at 2025-03-03 08:00:00Z and has not"), Describe(await CheckAsync()));

        _state.MarkRunStarted(EngineLists.ProductionId, RunTrigger.Schedule);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
    }

    [Fact]
    public async Task Every_problem_is_named_at_once()
    {
        Start("Production plan");
        _clock.Advance(TimeSpan.FromSeconds(1));
        Start("Nightly");
        _clock.Advance(TimeSpan.FromSeconds(1));
        Queue("Sensor boards");

        TickAfter(TimeSpan.FromMinutes(6));

        Assert.Equal(
            "the check of 'Production plan' has run for 6 min 2 s, past its 5 min deadline (while starting); "
            + "the check of 'Nightly' has run for 6 min 1 s, past its 5 min deadline (while starting); "
            + "'Sensor boards' has waited 6 min for a free check slot (2 at a time, 2 running)",
            (await CheckAsync()).Description);
    }

    [Fact]
    public async Task A_scheduler_that_stopped_ticking_is_unhealthy_however_well_its_checks_look()
    {
        Assert.Equal((HealthStatus.Unhealthy, "no scheduler tick yet"), Describe(await CheckAsync()));
        _state.Heartbeat();
        _clock.Advance(SchedulerHealthCheck.MaxAge);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal((HealthStatus.Unhealthy, "no scheduler tick since 2025-03-03 08:00:00Z (11 s ago)"), Describe(await CheckAsync()));
    }

    private CheckProgress Queue(string listName)
    {
        var progress = new CheckProgress();
        _tracked.Add(_runs.Queued(listName.ToLowerInvariant(), listName, RunTrigger.Schedule, progress));
        return progress;
    }

    private CheckProgress Start(string listName)
    {
        var progress = Queue(listName);
        _tracked[^1].Started(Settings.CheckTimeout);
        return progress;
    }

    /// <summary>Time passes with the scheduler ticking all along.</summary>
    private void TickAfter(TimeSpan elapsed)
    {
        _clock.Advance(elapsed);
        _state.Heartbeat();
    }

    private Task<HealthCheckResult> CheckAsync() => _check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

    private static (HealthStatus, string?) Describe(HealthCheckResult result) => (result.Status, result.Description);
}
