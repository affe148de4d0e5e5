namespace MonitorDashboard.Benchmarks.Scale;

/// <summary>The app idle with N lists: waiting for the burst minute just after start-up, or again after the burst.</summary>
/// <param name="Startup">From launching the process to "Now listening" and the sign-in URL.</param>
/// <param name="CpuPercentOfCore">App CPU time over <paramref name="Window"/>, in per cent of one core.</param>
internal sealed record IdleMeasure(TimeSpan Startup, long RssBytes, double CpuPercentOfCore, TimeSpan Window);

/// <summary>The burst: every list due at the same minute.</summary>
/// <param name="Wall">From the minute boundary to the last run's finish as recorded in the history (or to the deadline).</param>
/// <param name="AppCpu">The app process's CPU time from the boundary until all runs were recorded; null without /proc.</param>
/// <param name="PeakRssBytes">The app's highest resident set size so far (VmHWM) once the burst ended; null without /proc.</param>
/// <param name="PresetsWritesLost">The file watcher overflowed: <paramref name="PresetsWrites"/> is a lower bound.</param>
internal sealed record BurstMeasure(
    int Lists,
    int Runs,
    int Reports,
    IReadOnlyDictionary<string, int> Outcomes,
    TimeSpan Wall,
    bool Finished,
    TimeSpan? AppCpu,
    long? PeakRssBytes,
    int InvenTreeRequests,
    int PresetsWrites,
    bool PresetsWritesLost)
{
    public double ChecksPerSecond => Runs / Math.Max(Wall.TotalSeconds, 0.001);

    public TimeSpan? CpuPerCheck => AppCpu / Math.Max(Runs, 1);
}

/// <summary>Everything the scale scenario measured, and why a part was not measured.</summary>
/// <param name="Idle">Just after start-up: its RSS is the idle app's; its CPU still includes the runtime compiling the hot methods.</param>
/// <param name="IdleAfterBurst">Between bursts, once the process settled: the idle CPU a running dashboard costs.</param>
internal sealed record ScaleResult(
    int Lists,
    string Dataset,
    TimeSpan Latency,
    DateTimeOffset BurstMinute,
    IdleMeasure? Idle,
    BurstMeasure? Burst,
    IdleMeasure? IdleAfterBurst,
    IReadOnlyList<PageSample> PageSamples,
    string? PageSkipped,
    IReadOnlyList<StageCost> Stages,
    string? ProcSkipped,
    IReadOnlyList<string> Problems);
