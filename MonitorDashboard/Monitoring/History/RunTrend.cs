namespace MonitorDashboard.Monitoring.History;

/// <summary>One run on a trend: its counts, or null when the run produced no result (failed, missed, interrupted).</summary>
public sealed record TrendPoint(Guid RunId, DateTimeOffset StartedAt, RunCounts? Counts);

/// <summary>
/// A list's runs as the trend charts draw them: oldest first, one point per run. A run without a result is a gap
/// (null in every series), never a zero — "nothing to order" and "could not tell" must not look alike. A run has a
/// result exactly when it has a significant-result hash (set only when the calculation succeeded).
/// </summary>
public sealed record RunTrend(IReadOnlyList<TrendPoint> Points)
{
    public static RunTrend Empty { get; } = new([]);

    /// <param name="runs">A list's runs in any order (the store hands them out newest first).</param>
    public static RunTrend From(IEnumerable<RunSummary> runs) => new(
        runs.OrderBy(r => r.StartedAt)
            .Select(r => new TrendPoint(r.RunId, r.StartedAt, r.Hash is null ? null : r.Counts))
            .ToArray());

    public IReadOnlyList<double?> ToOrder => Series(c => c.ToOrder);

    public IReadOnlyList<double?> ToBuild => Series(c => c.ToBuild);

    public IReadOnlyList<double?> Critical => Series(c => c.Critical);

    /// <summary>How many points have a value: the markers a chart draws per series.</summary>
    public int WithResults => Points.Count(p => p.Counts is not null);

    /// <summary>Where a run sits on the trend (0 = oldest shown), or null when it is not among the points.</summary>
    public int? IndexOf(Guid runId)
    {
        for (var i = 0; i < Points.Count; i++)
        {
            if (Points[i].RunId == runId)
            {
                return i;
            }
        }
        return null;
    }

    private double?[] Series(Func<RunCounts, int> count) =>
        Points.Select(p => p.Counts is { } counts ? count(counts) : (double?)null).ToArray();
}
