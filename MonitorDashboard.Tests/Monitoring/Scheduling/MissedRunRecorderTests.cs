using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Cron;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Notices;
using MonitorDashboard.Monitoring.Scheduling;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Presets;
using MonitorDashboard.Tests.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.Scheduling;

/// <summary>
/// Occurrences too old to run end in a real run history as one missed run that says why: the app was not running, or
/// presets.json could not be used from the first of them on.
/// </summary>
public sealed class MissedRunRecorderTests : IAsyncDisposable
{
    private static readonly MonitoringList List = new() { Id = "hourly", Name = "Hourly" };
    private static readonly DateTimeOffset Nine = new(2025, 3, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Nine.AddHours(5);

    private readonly HistoryTestDatabase _db = new();
    private readonly FakeLogger<MissedRunRecorder> _logger = new();
    private readonly SqliteRunHistory _history;
    private readonly MissedRunRecorder _missed;

    public MissedRunRecorderTests()
    {
        var clock = new FakeTimeProvider(Now);
        (_history, var leases) = _db.OpenProcess();
        var pending = new PendingRuns(Options.Create(new HistoryOptions { DatabasePath = _db.Path }), NullLogger<PendingRuns>.Instance);
        var state = new MonitorState(clock, Options.Create(new ScheduleOptions()), NullLogger<MonitorState>.Instance);
        var admins = new AdminNotifier(_history, new AdminNoticeQueue(NullLogger<AdminNoticeQueue>.Instance), clock, NullLogger<AdminNotifier>.Instance);
        var recorder = new RunRecorder(leases, pending, state, admins, NullLogger<RunRecorder>.Instance);
        _missed = new MissedRunRecorder(recorder, _logger);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task One_occurrence_missed_while_the_app_was_down_is_one_missed_run_in_the_history_and_a_warning_in_the_log()
    {
        await _missed.RecordAsync(List, new MissedRuns(Nine, Nine, 1), Now, presetsUnusableSince: null);

        var run = Assert.Single(await _history.ListAsync(List.Id, 0, 10, Ct));
        Assert.Equal(
            (RunOutcome.Missed, RunTrigger.Schedule, (DateTimeOffset?)Nine, Now, Now, "Hourly"),
            (run.Outcome, run.Trigger, run.ScheduledFor, run.StartedAt, run.FinishedAt, run.ListName));
        Assert.Equal("missed the run due 2025-03-30 09:00:00Z while MonitorDashboard was not running", run.Error);
        var log = _logger.LatestRecord;
        Assert.Equal((LogLevel.Warning, "List Hourly missed the run due 2025-03-30 09:00:00Z while MonitorDashboard was not running"),
            (log.Level, log.Message));
    }

    [Fact]
    public async Task Occurrences_missed_while_presets_json_could_not_be_used_say_so_and_belong_to_the_last_of_them()
    {
        await _missed.RecordAsync(List, new MissedRuns(Nine, Nine.AddHours(2), 3), Now, presetsUnusableSince: Nine.AddMinutes(-30));

        var run = Assert.Single(await _history.ListAsync(List.Id, 0, 10, Ct));
        Assert.Equal(Nine.AddHours(2), run.ScheduledFor);
        Assert.Equal("missed 3 runs due 2025-03-30 09:00:00Z to 2025-03-30 11:00:00Z while presets.json could not be used", run.Error);
    }

    [Fact]
    public async Task Occurrences_that_came_due_before_presets_json_broke_were_missed_because_the_app_was_not_running()
    {
        await _missed.RecordAsync(List, new MissedRuns(Nine, Nine.AddHours(1), 2), Now, presetsUnusableSince: Nine.AddMinutes(30));

        var run = Assert.Single(await _history.ListAsync(List.Id, 0, 10, Ct));
        Assert.Equal("missed 2 runs due 2025-03-30 09:00:00Z to 2025-03-30 10:00:00Z while MonitorDashboard was not running", run.Error);
    }
}
