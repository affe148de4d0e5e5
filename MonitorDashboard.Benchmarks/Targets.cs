using System.Globalization;

namespace MonitorDashboard.Benchmarks;

internal enum Verdict
{
    Met,
    Missed,
    /// <summary>Measured and shown, but not a target for this scenario.</summary>
    Info,
    /// <summary>A performance target not met yet and not enforced (without <c>--enforce-scale</c>): shown as OPEN, never hidden.</summary>
    Open,
}

internal sealed record TargetCheck(string Name, Verdict Verdict, string Detail);

/// <summary>The targets for one scenario, with how far off a miss is.</summary>
internal static class Targets
{
    public const double RequiredRatio = 10;
    public const double WallSlack = 1.5;

    public static IReadOnlyList<TargetCheck> Evaluate(ScenarioResult r, TimeSpan latency) =>
        [Requests(r), Wall(r, latency), Ratio(r), .. r.Problems.Select(p => new TargetCheck("consistency", Verdict.Missed, p))];

    /// <summary>requests ≤ 1 + top-level parts + 2 × assemblies in the tree.</summary>
    private static TargetCheck Requests(ScenarioResult r)
    {
        var limit = 1 + r.TopLevelParts + 2 * r.Assemblies;
        return r.Requests <= limit
            ? new("requests", Verdict.Met, $"{r.Requests} ≤ 1 + {r.TopLevelParts} + 2 × {r.Assemblies} = {limit}")
            : new("requests", Verdict.Missed, $"{r.Requests} > {limit}: {r.Requests - limit} too many");
    }

    /// <summary>wall time ≤ 1.5 × (BOM depth + 2) × latency.</summary>
    private static TargetCheck Wall(ScenarioResult r, TimeSpan latency)
    {
        if (latency <= TimeSpan.Zero)
        {
            return new("wall", Verdict.Info, $"{Ms(r.Wall)} (no latency, no target)");
        }
        var limit = WallSlack * (r.Depth + 2) * latency;
        var spread = r.WallMin == r.WallMax ? "" : $" (runs {Ms(r.WallMin)} – {Ms(r.WallMax)})";
        return r.Wall <= limit
            ? new("wall", Verdict.Met, $"median {Ms(r.Wall)}{spread} ≤ 1.5 × ({r.Depth} + 2) × {Ms(latency)} = {Ms(limit)}")
            : new("wall", Verdict.Missed, $"median {Ms(r.Wall)}{spread} > {Ms(limit)}: {Ms(r.Wall - limit)} over ({r.Wall / limit:0.00}× the limit)");
    }

    /// <summary>baseline requests / our requests ≥ 10.</summary>
    private static TargetCheck Ratio(ScenarioResult r)
    {
        var met = r.RequestRatio >= RequiredRatio;
        var detail = met
            ? $"{r.BaselineRequests} / {r.Requests} = {r.RequestRatio:0.0}× ≥ {RequiredRatio}×"
            : $"{r.BaselineRequests} / {r.Requests} = {r.RequestRatio:0.0}× < {RequiredRatio}×: the baseline would need "
              + $"{Math.Ceiling(RequiredRatio * r.Requests) - r.BaselineRequests} more requests";
        if (!r.Scenario.RatioIsTarget)
        {
            return new("10× fewer", Verdict.Info, detail + " (reported only: the issue targets the ratio on the demo dataset)");
        }
        return new("10× fewer", met ? Verdict.Met : Verdict.Missed, detail);
    }

    public static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString(t.TotalMilliseconds < 1000 ? "0.0" : "#,0", CultureInfo.InvariantCulture) + " ms";
}
