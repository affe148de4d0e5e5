using Microsoft.Extensions.Options;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Scheduling;
using MonitorDashboard.Tests.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.Scheduling;

/// <summary>
/// Whether the last scheduled occurrence of a list is still owed at the first tick after a start, read from a real
/// run history: it is unless a run of that occurrence ended (an interrupted one does not count), and only within the
/// misfire grace.
/// </summary>
public sealed class InterruptedRunDetectorTests : IAsyncDisposable
{
    private const string ListId = "morning";
    private static readonly DateTimeOffset Occurrence = RunSamples.T0;
    private static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    private readonly HistoryTestDatabase _db = new();
    private readonly SqliteRunHistory _history;
    private readonly InterruptedRunDetector _detector;

    public InterruptedRunDetectorTests()
    {
        _history = _db.Open();
        _detector = new InterruptedRunDetector(_history, Options.Create(new MonitoringOptions { MisfireGrace = Grace }));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task An_occurrence_without_any_run_is_owed()
    {
        await AddAsync(Scheduled(-240));

        Assert.True(await WasInterruptedAsync(TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public async Task An_occurrence_whose_run_was_recorded_is_not_owed()
    {
        await AddAsync(Scheduled(0));

        Assert.False(await WasInterruptedAsync(TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public async Task An_occurrence_whose_run_was_interrupted_is_still_owed()
    {
        await AddAsync(Scheduled(0, RunOutcome.Interrupted));

        Assert.True(await WasInterruptedAsync(TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public async Task More_manual_runs_than_one_page_after_the_scheduled_run_do_not_hide_it()
    {
        await AddAsync(Scheduled(0));
        for (var minute = 1; minute <= InterruptedRunDetector.PageSize + 5; minute++)
        {
            await AddAsync(Manual(minute));
        }

        Assert.False(await WasInterruptedAsync(TimeSpan.FromMinutes(40)));
    }

    [Fact]
    public async Task Manual_runs_after_an_occurrence_that_never_ran_do_not_stand_in_for_it()
    {
        await AddAsync(Scheduled(-240));
        for (var minute = 1; minute <= InterruptedRunDetector.PageSize + 5; minute++)
        {
            await AddAsync(Manual(minute));
        }

        Assert.True(await WasInterruptedAsync(TimeSpan.FromMinutes(40)));
    }

    [Fact]
    public async Task An_occurrence_older_than_the_misfire_grace_is_not_owed_any_more()
    {
        Assert.True(await WasInterruptedAsync(Grace));
        Assert.False(await WasInterruptedAsync(Grace + TimeSpan.FromSeconds(1)));
    }

    private Task<bool> WasInterruptedAsync(TimeSpan after) => _detector.WasInterruptedAsync(ListId, Occurrence, Occurrence + after, Ct);

    private Task AddAsync(RunRecord run) => _history.AddAsync(run, Ct);

    /// <summary>The scheduled run of the occurrence <paramref name="minutes"/> after <see cref="Occurrence"/>.</summary>
    private static RunRecord Scheduled(int minutes, RunOutcome outcome = RunOutcome.Ok) => RunSamples.At(ListId, minutes, outcome: outcome);

    private static RunRecord Manual(int minutes)
    {
        var run = RunSamples.At(ListId, minutes);
        return run with { Summary = run.Summary with { Trigger = RunTrigger.Manual, ScheduledFor = null } };
    }
}
