using System.Diagnostics;

namespace MonitorDashboard.Benchmarks.Scale;

/// <summary>
/// What one stage of a check costs, averaged over <paramref name="Checks"/> lists: CPU time of the process, wall time,
/// and bytes allocated (what the garbage collector later pays for, outside the stage).
/// </summary>
internal sealed record StageCost(string Stage, TimeSpan CpuPerCheck, TimeSpan WallPerCheck, int Checks, long AllocatedPerCheck = 0);

/// <summary>
/// Runs a stage for one list after another and divides the process's CPU time and the wall time by the lists done.
/// A stage stops early once it used its time budget (after a minimum of lists), so a pipeline that is still slow
/// cannot hold CI up: the average over fewer lists is still an average.
/// </summary>
internal sealed class StageMeter(int lists, TimeSpan budget)
{
    private const int MinimumLists = 5;

    /// <summary>How many lists every stage so far got through: the next stage has inputs for these only.</summary>
    public int Lists { get; private set; } = lists;

    public async Task<StageCost> MeasureAsync(string stage, Func<int, Task> step)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var wall = Stopwatch.StartNew();
        var done = 0;
        while (done < Lists && (done < MinimumLists || wall.Elapsed < budget))
        {
            await step(done);
            done++;
        }
        wall.Stop();
        Lists = done;
        return new StageCost(stage, (Environment.CpuUsage.TotalTime - cpu) / Math.Max(done, 1), wall.Elapsed / Math.Max(done, 1), done,
            (GC.GetTotalAllocatedBytes() - allocated) / Math.Max(done, 1));
    }

    /// <summary>One action that does the stage for all lists at once (a batched write), its cost divided by the lists.</summary>
    public async Task<StageCost> MeasureBatchAsync(string stage, Func<int, Task> batch)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var wall = Stopwatch.StartNew();
        await batch(Lists);
        wall.Stop();
        return new StageCost(stage, (Environment.CpuUsage.TotalTime - cpu) / Math.Max(Lists, 1), wall.Elapsed / Math.Max(Lists, 1), Lists,
            (GC.GetTotalAllocatedBytes() - allocated) / Math.Max(Lists, 1));
    }

    public Task<StageCost> Measure(string stage, Action<int> step) =>
        MeasureAsync(stage, i =>
        {
            step(i);
            return Task.CompletedTask;
        });

    /// <summary>The part of <paramref name="whole"/> that <paramref name="part"/> does not cover (never below zero).</summary>
    public static StageCost Difference(string stage, StageCost whole, StageCost part) => new(stage,
        Max(whole.CpuPerCheck - part.CpuPerCheck), Max(whole.WallPerCheck - part.WallPerCheck), Math.Min(whole.Checks, part.Checks),
        Math.Max(whole.AllocatedPerCheck - part.AllocatedPerCheck, 0));

    private static TimeSpan Max(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t;
}
