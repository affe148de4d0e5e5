using MonitorDashboard.InvenTreeEmulator;

namespace MonitorDashboard.Benchmarks.Scale;

/// <summary>
/// The scale scenario: N lists due at the same minute, the app in its own process against the emulator in this one,
/// measured idle, then through the burst, then stage by stage in this process (<see cref="StageBreakdown"/>).
/// </summary>
internal sealed class ScaleRunner(BenchmarkOptions options)
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);
    /// <summary>After "Now listening" the runtime still compiles hot methods for a few seconds; idle starts after that.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(10);
    /// <summary>After the burst: the last history and presets.json writes, the closed browser's circuits, the GC.</summary>
    private static readonly TimeSpan SettleAfterBurst = TimeSpan.FromSeconds(15);

    public async Task<ScaleResult> RunAsync(CancellationToken ct)
    {
        var problems = new List<string>();
        var root = Datasets.FindRepoRoot() ?? throw new InvalidOperationException("run the benchmark inside the repository (MonitorDashboard.sln not found)");
        var fixture = Datasets.Load(Dataset.DemoDataset, out var reason);
        var (datasetName, assemblies) = fixture is null
            ? ("sample catalog (" + reason + ")", ScalePresets.SampleAssemblies)
            : ("InvenTree demo dataset", ScalePresets.DemoAssemblies);
        await using var emulator = await EmulatorServer.StartAsync(fixture ?? Datasets.Load(Dataset.SampleCatalog, out _)!, cancellationToken: ct);
        emulator.Faults.Latency = options.Latency;

        var folder = Directory.CreateTempSubdirectory("md-scale-").FullName;
        try
        {
            var presetsPath = Path.Combine(folder, "presets.json");
            var burst = BurstMinute.First(DateTimeOffset.UtcNow, BurstMinute.Lead);
            var presets = ScalePresets.Json(options.ScaleLists, assemblies, BurstMinute.Cron(burst));
            await File.WriteAllTextAsync(presetsPath, presets, ct);
            using var writes = new PresetsWriteCounter(presetsPath);
            await VerifyWriteCounterAsync(writes, presetsPath, presets, problems, ct);

            IdleMeasure? idle = null;
            IdleMeasure? idleAfter = null;
            BurstMeasure? measured = null;
            IReadOnlyList<PageSample> pages = [];
            string? pageSkipped = PageProbe.Unavailable;
            var launched = DateTimeOffset.UtcNow;
            await using (var app = await DashboardProcess.StartAsync(folder, root, emulator.BaseAddress, emulator.Token, StartupTimeout))
            {
                var startup = DateTimeOffset.UtcNow - launched;
                Console.Error.WriteLine($"  app started in {startup.TotalSeconds:0.0} s; {options.ScaleLists} lists due at {burst:HH:mm} UTC");
                await StaticAssets.VerifyAsync(app.BaseAddress, problems, ct);
                if (burst - DateTimeOffset.UtcNow < Settle + IdleWindow)
                {
                    problems.Add($"start-up took {startup.TotalSeconds:0.0} s, leaving too little time before the burst minute for the idle measurement");
                }
                else if (ProcStats.IsAvailable)
                {
                    idle = await MeasureIdleAsync(app.Id, startup, Settle, ct);
                }

                PageProbe? page = null;
                if (pageSkipped is null)
                {
                    try
                    {
                        page = await PageProbe.StartAsync(app.BaseAddress, app.SignInUrl);
                    }
                    catch (Exception ex) when (ex is Microsoft.Playwright.PlaywrightException or TimeoutException or InvalidOperationException)
                    {
                        pageSkipped = "the browser could not open the lists page: " + ex.Message.Split('\n')[0];
                    }
                }
                await using (page)
                {
                    Console.Error.WriteLine($"  waiting for the burst at {burst:HH:mm:ss} UTC ...");
                    (measured, pages) = await new BurstMeter(app, emulator, writes, page, folder).MeasureAsync(burst, options.ScaleLists, ct);
                }
                if (ProcStats.IsAvailable && measured is { Finished: true })
                {
                    idleAfter = await MeasureIdleAsync(app.Id, startup, SettleAfterBurst, ct);
                }
            }

            Console.Error.WriteLine("  stage breakdown in-process ...");
            var stages = await new StageBreakdown(emulator, root).RunAsync(presets, ct);
            return new ScaleResult(options.ScaleLists, datasetName, options.Latency, burst, idle, measured, idleAfter, pages, pageSkipped, stages,
                ProcStats.IsAvailable ? null : "not on Linux: the app's CPU time and memory are read from /proc, which this system does not have",
                problems);
        }
        finally
        {
            TryDelete(folder);
        }
    }

    /// <summary>App CPU over 10 s once <paramref name="settle"/> passed (no browser connected), and its RSS at the end of the window.</summary>
    private static async Task<IdleMeasure> MeasureIdleAsync(int pid, TimeSpan startup, TimeSpan settle, CancellationToken ct)
    {
        await Task.Delay(settle, ct);
        var before = ProcStats.Read(pid);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(IdleWindow, ct);
        var after = ProcStats.Read(pid);
        var window = clock.Elapsed;
        return new IdleMeasure(startup, after.RssBytes, 100 * (after.Cpu - before.Cpu) / window, window);
    }

    /// <summary>One known atomic replacement of presets.json (what the store does) must count as exactly one write.</summary>
    private static async Task VerifyWriteCounterAsync(PresetsWriteCounter writes, string presetsPath, string content, List<string> problems, CancellationToken ct)
    {
        var temporary = presetsPath + ".benchmark.tmp";
        await File.WriteAllTextAsync(temporary, content, ct);
        File.Move(temporary, presetsPath, overwrite: true);
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(5);
        while (writes.Writes < 1 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50, ct);
        }
        await Task.Delay(200, ct); // a second event for the same rename would show up by now
        if (writes.Writes != 1)
        {
            problems.Add($"the presets.json write counter saw {writes.Writes} writes for one known replacement; its burst count is not reliable");
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
