using System.Globalization;

namespace MonitorDashboard.Benchmarks;

/// <summary>Prints the results table, the target details and the final verdict line.</summary>
internal static class Report
{
    private static readonly string[] Header =
    [
        "scenario", "top", "asm", "depth", "requests", "rounds", "wall", "alloc", "baseline req", "baseline wall",
        "req ratio", "wall ratio", "req target", "wall target", "10× target", "counts",
    ];

    /// <returns>The number of targets missed.</returns>
    public static int Print(TextWriter output, IReadOnlyList<ScenarioResult> results, IReadOnlyList<string> skipped, BenchmarkOptions options)
    {
        var checks = results.Select(r => (Result: r, Checks: Targets.Evaluate(r, options.Latency))).ToList();
        var rows = checks.Select(c => Row(c.Result, c.Checks)).ToList();
        WriteTable(output, [Header, .. rows]);

        output.WriteLine();
        foreach (var (result, list) in checks)
        {
            output.WriteLine(result.Scenario.Name);
            foreach (var check in list)
            {
                output.WriteLine($"  {Mark(check.Verdict),-4} {check.Name}: {check.Detail}");
            }
        }
        foreach (var reason in skipped)
        {
            output.WriteLine($"skipped: {reason}");
        }

        return checks.Sum(c => c.Checks.Count(x => x.Verdict == Verdict.Missed));
    }

    /// <summary>The last line, over every scenario run.</summary>
    /// <param name="open">Performance targets not met and not enforced (OPEN): the verdict never calls them met.</param>
    public static void PrintVerdict(TextWriter output, int missed, int open = 0)
    {
        output.WriteLine();
        var verdict = missed == 0 ? "all enforced targets met" : $"{missed} target(s) missed";
        output.WriteLine(open == 0 && missed == 0 ? "benchmark: all targets met" : $"benchmark: {verdict}; {open} performance target(s) open (not enforced)");
    }

    private static string[] Row(ScenarioResult r, IReadOnlyList<TargetCheck> checks) =>
    [
        r.Scenario.Name,
        Int(r.TopLevelParts),
        Int(r.Assemblies),
        Int(r.Depth),
        Int(r.Requests),
        Int(r.Rounds),
        Targets.Ms(r.Wall),
        (r.AllocatedBytes / 1024.0 / 1024.0).ToString("0.00", CultureInfo.InvariantCulture) + " MB",
        Int(r.BaselineRequests),
        Targets.Ms(r.BaselineWall),
        r.RequestRatio.ToString("0.0", CultureInfo.InvariantCulture) + "×",
        r.WallRatio.ToString("0.0", CultureInfo.InvariantCulture) + "×",
        Mark(checks.First(c => c.Name == "requests").Verdict),
        Mark(checks.First(c => c.Name == "wall").Verdict),
        Mark(checks.First(c => c.Name == "10× fewer").Verdict),
        r.Problems.Count == 0 ? "ok" : "MISS",
    ];

    private static string Mark(Verdict verdict) => verdict switch
    {
        Verdict.Met => "ok",
        Verdict.Missed => "MISS",
        _ => "info",
    };

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>First column left-aligned, the rest right-aligned, two spaces between columns.</summary>
    private static void WriteTable(TextWriter output, IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            var cells = row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]));
            output.WriteLine(string.Join("  ", cells).TrimEnd());
            if (index == 0)
            {
                output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }
    }
}
