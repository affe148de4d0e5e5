namespace MonitorDashboard.Benchmarks;

/// <summary>One measured check with our stack.</summary>
/// <param name="BomAssemblies">Distinct assemblies whose BOM the emulator served during the check.</param>
/// <param name="AllocatedBytes">Bytes allocated by the whole process during the check, the in-process emulator included.</param>
internal sealed record OurRun(int Requests, int EmulatorRequests, int Rounds, int BomAssemblies, TimeSpan Wall, long AllocatedBytes);

internal sealed record BaselineRun(BaselineWalk Walk, int EmulatorRequests, TimeSpan Wall);

/// <summary>A scenario's measurements: medians of wall time and allocations, counts (identical every run) from the last run.</summary>
internal sealed record ScenarioResult(
    Scenario Scenario,
    int Requests,
    int Rounds,
    TimeSpan Wall,
    TimeSpan WallMin,
    TimeSpan WallMax,
    long AllocatedBytes,
    int BaselineRequests,
    TimeSpan BaselineWall,
    int Assemblies,
    int Depth,
    IReadOnlyList<string> Problems)
{
    public int TopLevelParts => Scenario.TopLevel.Count;
    public double RequestRatio => (double)BaselineRequests / Requests;
    public double WallRatio => BaselineWall / Wall;
}
