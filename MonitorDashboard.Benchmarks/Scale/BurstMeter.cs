using MonitorDashboard.InvenTreeEmulator;

namespace MonitorDashboard.Benchmarks.Scale;

/// <summary>
/// Watches the burst from the minute boundary until every list's run is in the history (or a deadline passes):
/// the app's CPU and peak memory from /proc, the emulator's request log, presets.json replacements, and — while the
/// runs go on — a few visits to the lists page.
/// </summary>
internal sealed class BurstMeter(DashboardProcess app, EmulatorServer emulator, PresetsWriteCounter presetsWrites, PageProbe? page, string dataFolder)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Early = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FirstVisit = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan BetweenVisits = TimeSpan.FromSeconds(3);
    private const int MaxVisits = 3;

    /// <summary>The last_hash writes of the final tick may land just after the last run is recorded; they still count.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Three times the 30 s target for 1,000 lists (90 ms a list, at least 60 s): a burst still running then has missed
    /// its target anyway, and its checks per second are known; waiting longer would only cost CI time.
    /// </summary>
    public static TimeSpan DeadlineFor(int lists) => TimeSpan.FromMilliseconds(Math.Max(60_000, lists * 90));

    public async Task<(BurstMeasure Burst, IReadOnlyList<PageSample> Pages)> MeasureAsync(DateTimeOffset burst, int lists, CancellationToken ct)
    {
        // The baselines are taken a second early: on a busy machine this process may wake late, after the first
        // requests of the burst; the idle app makes none in that second, and wall time is counted from the minute.
        var untilBurst = burst - Early - DateTimeOffset.UtcNow;
        if (untilBurst > TimeSpan.Zero)
        {
            await Task.Delay(untilBurst, ct);
        }
        var before = ProcStats.IsAvailable ? ProcStats.Read(app.Id) : null;
        emulator.ResetCounters();
        var writesBefore = presetsWrites.Writes;

        await using var progress = new BurstProgress(Path.Combine(dataFolder, "data", "monitor.db"), Path.Combine(dataFolder, "outbox"), burst);
        using var done = new CancellationTokenSource();
        var visits = page is null ? Task.FromResult<IReadOnlyList<PageSample>>([]) : VisitAsync(page, lists, done.Token);

        var deadline = burst + DeadlineFor(lists);
        BurstCount count;
        while (true)
        {
            count = await progress.ReadAsync(ct);
            if (count.Runs >= lists || DateTimeOffset.UtcNow >= deadline)
            {
                break;
            }
            await Task.Delay(Poll, ct);
        }
        var after = ProcStats.IsAvailable ? ProcStats.Read(app.Id) : null;
        await done.CancelAsync();
        var finished = count.Runs >= lists;
        var wall = finished && count.LastFinished is { } last ? last - burst : DateTimeOffset.UtcNow - burst;
        var requests = emulator.RequestCount;

        var samples = await visits;
        await Task.Delay(Settle, ct);
        return (new BurstMeasure(lists, count.Runs, count.Reports, count.Outcomes, wall, finished, after?.Cpu - before?.Cpu, after?.PeakRssBytes,
            requests, presetsWrites.Writes - writesBefore, presetsWrites.LostEvents), samples);
    }

    /// <summary>Visits the page while the burst runs: the first 2 s after the boundary, then every 3 s, at most three times.</summary>
    private static async Task<IReadOnlyList<PageSample>> VisitAsync(PageProbe page, int lists, CancellationToken done)
    {
        var samples = new List<PageSample>();
        try
        {
            await Task.Delay(Early + FirstVisit, done);
            for (var i = 0; i < MaxVisits && !done.IsCancellationRequested; i++)
            {
                // A different list each time, spread over the table, so no answer comes from the previous search.
                samples.Add(await page.VisitAsync(ScalePresets.Name((i * 7 + 3) * lists / 23 % lists, lists)));
                await Task.Delay(BetweenVisits, done);
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
            // The burst is over: visits after it would not measure the page under load.
        }
        return samples;
    }
}
