using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.History;

public sealed class RunTrendTests
{
    private static RunSummary Run(int minutes, RunOutcome outcome, RunCounts counts, bool hasResult = true) => new(
        Guid.NewGuid(), "a", "A", RunTrigger.Schedule, null, RunSamples.T0.AddMinutes(minutes), RunSamples.T0.AddMinutes(minutes).AddSeconds(1),
        outcome, counts, hasResult ? new string('a', 64) : null, false, null, null, null);

    [Fact]
    public void Runs_become_points_oldest_first_and_runs_without_a_result_are_gaps_not_zeros()
    {
        // Newest first, as the store hands them out: 5 runs, the failed one (minute 20) and the missed one (40) have no result.
        var runs = new[]
        {
            Run(50, RunOutcome.Shortages, new RunCounts(22, 9, 4, 0, 0)),
            Run(40, RunOutcome.Missed, RunCounts.None, hasResult: false),
            Run(30, RunOutcome.SkippedUnchanged, new RunCounts(19, 9, 4, 0, 1)),
            Run(20, RunOutcome.Failed, RunCounts.None, hasResult: false),
            Run(10, RunOutcome.Ok, new RunCounts(0, 0, 0, 0, 0)),
        };

        var trend = RunTrend.From(runs);

        Assert.Equal([runs[4].RunId, runs[3].RunId, runs[2].RunId, runs[1].RunId, runs[0].RunId], trend.Points.Select(p => p.RunId));
        Assert.Equal([0, null, 19, null, 22], trend.ToOrder);
        Assert.Equal([0, null, 9, null, 9], trend.ToBuild);
        Assert.Equal([0, null, 4, null, 4], trend.Critical);
        Assert.Equal(3, trend.WithResults);
    }

    [Fact]
    public void A_run_is_found_at_its_place_on_the_trend_and_an_unknown_one_is_not()
    {
        var runs = new[] { Run(20, RunOutcome.Ok, RunCounts.None), Run(10, RunOutcome.Failed, RunCounts.None, hasResult: false) };
        var trend = RunTrend.From(runs);

        Assert.Equal(1, trend.IndexOf(runs[0].RunId));
        Assert.Equal(0, trend.IndexOf(runs[1].RunId));
        Assert.Null(trend.IndexOf(Guid.NewGuid()));
    }

    [Fact]
    public void No_runs_make_an_empty_trend()
    {
        var trend = RunTrend.From([]);

        Assert.Empty(trend.ToOrder);
        Assert.Equal(0, trend.WithResults);
    }
}
