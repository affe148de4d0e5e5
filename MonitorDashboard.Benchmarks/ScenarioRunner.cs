using System.Diagnostics;
using System.Text.RegularExpressions;
using MonitorDashboard.Calculation;
using MonitorDashboard.InvenTreeEmulator;

namespace MonitorDashboard.Benchmarks;

/// <summary>
/// Runs one scenario with our stack and with the per-part baseline against the same emulator, after a warm-up each
/// (JIT and connection set-up excluded), and cross-checks the counts: our tally against the emulator's, and the
/// assemblies whose BOMs we fetched against the ones the baseline walked.
/// </summary>
internal sealed partial class ScenarioRunner(
    EmulatorServer emulator,
    CalculationService calculation,
    PerPartBaselineClient baseline,
    BenchmarkOptions options)
{
    public async Task<ScenarioResult> RunAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        var requests = scenario.TopLevel.Select(t => t.Parse()).ToList();
        var problems = new List<string>();

        emulator.Faults.Latency = options.Latency;
        await RunOursAsync(requests, problems, cancellationToken); // warm-up
        var ours = new List<OurRun>();
        for (var i = 0; i < options.Runs; i++)
        {
            ours.Add(await RunOursAsync(requests, problems, cancellationToken));
        }

        // The baseline's warm-up runs without latency: it only has to JIT the code, and costs milliseconds, not seconds.
        emulator.Faults.Latency = TimeSpan.Zero;
        await RunBaselineAsync(scenario, problems, cancellationToken);
        emulator.Faults.Latency = options.Latency;
        var baselineRuns = new List<BaselineRun>();
        for (var i = 0; i < options.BaselineRuns; i++)
        {
            baselineRuns.Add(await RunBaselineAsync(scenario, problems, cancellationToken));
        }
        emulator.Faults.Latency = TimeSpan.Zero;

        var last = ours[^1];
        var walk = baselineRuns[^1].Walk;
        if (ours.Any(r => r.Requests != last.Requests || r.Rounds != last.Rounds))
        {
            problems.Add("our request or round count varied between runs");
        }
        if (last.BomAssemblies != walk.Assemblies)
        {
            problems.Add($"we fetched {last.BomAssemblies} BOMs, the baseline walked {walk.Assemblies} assemblies");
        }
        return new ScenarioResult(scenario, last.Requests, last.Rounds,
            Median(ours.Select(r => r.Wall)), ours.Min(r => r.Wall), ours.Max(r => r.Wall), Median(ours.Select(r => r.AllocatedBytes)),
            walk.Requests, Median(baselineRuns.Select(r => r.Wall)), walk.Assemblies, walk.Depth, problems.Distinct().ToList());
    }

    private async Task<OurRun> RunOursAsync(IReadOnlyList<PartRequest> requests, List<string> problems, CancellationToken cancellationToken)
    {
        emulator.ResetCounters();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var run = await calculation.RunAsync(requests, CalculationOptions.Default, cancellationToken);
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var served = emulator.RequestCount;
        if (served != run.Requests)
        {
            problems.Add($"our tally says {run.Requests} requests, the emulator served {served}");
        }
        if (run.Result.NotFound.Count > 0)
        {
            problems.Add("not found: " + string.Join(", ", run.Result.NotFound.Select(n => n.Name)));
        }
        var bomAssemblies = emulator.Requests
            .Select(r => BomRequest().Match(r.PathAndQuery))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .Count();
        return new OurRun(run.Requests, served, run.Rounds, bomAssemblies, stopwatch.Elapsed, allocated);
    }

    private async Task<BaselineRun> RunBaselineAsync(Scenario scenario, List<string> problems, CancellationToken cancellationToken)
    {
        emulator.ResetCounters();
        var stopwatch = Stopwatch.StartNew();
        var walk = await baseline.WalkAsync(scenario.TopLevel, cancellationToken);
        stopwatch.Stop();
        if (emulator.RequestCount != walk.Requests)
        {
            problems.Add($"the baseline counted {walk.Requests} requests, the emulator served {emulator.RequestCount}");
        }
        return new BaselineRun(walk, emulator.RequestCount, stopwatch.Elapsed);
    }

    /// <summary>The middle value (the upper middle for an even count).</summary>
    private static T Median<T>(IEnumerable<T> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    [GeneratedRegex(@"^/api/bom/\?part=(\d+)")]
    private static partial Regex BomRequest();
}
