using System.Diagnostics;

namespace MonitorDashboard.Benchmarks.Scale;

/// <summary>What one stage of a check costs, averaged over the lists: CPU time of the process and wall time.</summary>
internal sealed record StageCost(string Stage, TimeSpan CpuPerCheck, TimeSpan WallPerCheck);

/// <summary>Runs a stage for every list, one at a time, and divides the process's CPU time and the wall time by the lists.</summary>
internal static class StageMeter
{
    public static async Task<StageCost> MeasureAsync(string stage, int count, Func<int, Task> step)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await step(i);
        }
        wall.Stop();
        return new StageCost(stage, (Environment.CpuUsage.TotalTime - cpu) / count, wall.Elapsed / count);
    }

    public static Task<StageCost> Measure(string stage, int count, Action<int> step) =>
        MeasureAsync(stage, count, i =>
        {
            step(i);
            return Task.CompletedTask;
        });

    /// <summary>The part of <paramref name="whole"/> that <paramref name="part"/> does not cover (never below zero).</summary>
    public static StageCost Difference(string stage, StageCost whole, StageCost part) => new(stage,
        Max(whole.CpuPerCheck - part.CpuPerCheck), Max(whole.WallPerCheck - part.WallPerCheck));

    private static TimeSpan Max(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t;
}
