using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using MonitorDashboard.Benchmarks;
using MonitorDashboard.Benchmarks.Scale;
using MonitorDashboard.Calculation;
using MonitorDashboard.InvenTreeEmulator;

// A plain console benchmark, not BenchmarkDotNet: the scenarios are I/O-bound (tens of ms of emulated server
// latency per round trip), so what matters is wall time against a stated target and exact request counts, not
// nanosecond statistics; a warm-up run and the median of a few runs are enough, and CI needs a pass/fail exit code.

// Numbers print the same on every machine (1,000.5, not 1.000,5).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (!BenchmarkOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

Console.WriteLine($"MonitorDashboard benchmark: {Targets.Ms(options.Latency)} latency per request, median of {options.Runs} run(s) "
                  + $"after 1 warm-up{(options.Short ? " (--short)" : "")}; {RuntimeInformation.FrameworkDescription}, "
                  + $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}{LoadAverage()}");
Console.WriteLine();

var missed = 0;
var open = 0;
if (options.RunsRequests)
{
    missed += await RunRequestScenariosAsync(options, cancel.Token);
}
if (options.RunsScale)
{
    Console.Error.WriteLine($"running scale: {options.ScaleLists:N0} lists ...");
    var scale = await new ScaleRunner(options).RunAsync(cancel.Token);
    Console.WriteLine();
    var (scaleMissed, scaleOpen) = ScaleReport.Print(Console.Out, scale, options.EnforceScale);
    missed += scaleMissed;
    open = scaleOpen;
}
Report.PrintVerdict(Console.Out, missed, open);
return missed == 0 ? 0 : 1;

// The request-count scenarios: our check against the per-part baseline on each dataset.
static async Task<int> RunRequestScenariosAsync(BenchmarkOptions options, CancellationToken cancellationToken)
{
    var results = new List<ScenarioResult>();
    var skipped = new List<string>();
    foreach (var group in Scenario.All.GroupBy(s => s.Dataset))
    {
        var fixture = Datasets.Load(group.Key, out var reason);
        if (fixture is null)
        {
            skipped.AddRange(group.Select(s => $"{s.Name}: {reason}"));
            continue;
        }
        await using var emulator = await EmulatorServer.StartAsync(fixture, cancellationToken: cancellationToken);
        await using var services = OurStack.Build(emulator);
        using var baseline = new PerPartBaselineClient(emulator.BaseAddress, emulator.Token);
        var runner = new ScenarioRunner(emulator, services.GetRequiredService<CalculationService>(), baseline, options);
        foreach (var scenario in group)
        {
            Console.Error.WriteLine($"running {scenario.Name} ...");
            results.Add(await runner.RunAsync(scenario, cancellationToken));
        }
    }
    return Report.Print(Console.Out, results, skipped, options);
}

// Wall times are only as good as the machine is idle; the load average tells a reader whether a miss was contention.
static string LoadAverage() => File.Exists("/proc/loadavg")
    ? ", load average " + string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
    : "";
