using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.State;

namespace MonitorDashboard.Monitoring.Health;

/// <summary>
/// Is the scheduler doing its job, not just alive? Unhealthy when it made no decision for <see cref="MaxAge"/>, when a
/// check runs past its deadline, when a due list has waited longer than a whole check may take for a free slot, or when
/// a list's next run is overdue (it should have run and did not).
/// </summary>
public sealed class SchedulerHealthCheck(MonitorState state, RunTracker runs, IOptions<MonitoringOptions> options, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    /// <summary>How far past its deadline a check may still be unwinding before it counts as stuck.</summary>
    public static readonly TimeSpan DeadlineSlack = TimeSpan.FromSeconds(30);

    /// <summary>A next run this far in the past means the scheduler passed it by.</summary>
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Check());

    private HealthCheckResult Check()
    {
        var now = time.GetUtcNow();
        if (state.LastHeartbeat is not { } last)
        {
            return HealthCheckResult.Unhealthy("no scheduler tick yet");
        }
        var age = now - last;
        if (age > MaxAge)
        {
            return HealthCheckResult.Unhealthy($"no scheduler tick since {last:u} ({age.TotalSeconds:0} s ago)");
        }

        var tracked = runs.Snapshot();
        var running = tracked.Where(r => r.StartedAt is not null).ToList();
        var waiting = tracked.Where(r => r.StartedAt is null).ToList();
        var data = new Dictionary<string, object> { ["running"] = running.Count, ["waiting"] = waiting.Count, ["lastTick"] = last };
        var problems = new List<string>();
        foreach (var run in running.Where(r => r.Deadline is { } d && now > d + DeadlineSlack))
        {
            problems.Add($"the check of '{run.ListName}' has run for {RunReasons.Duration(now - run.StartedAt!.Value)}, "
                + $"past its {RunReasons.Duration(options.Value.CheckTimeout)} deadline (while {run.Stage})");
        }
        foreach (var run in waiting.Where(r => now - r.QueuedAt > options.Value.CheckTimeout))
        {
            problems.Add($"'{run.ListName}' has waited {RunReasons.Duration(now - run.QueuedAt)} for a free check slot "
                + $"({options.Value.MaxConcurrentChecks} at a time, {running.Count} running)");
        }
        foreach (var list in state.Lists.Where(l => l.NextRun is { } due && now - due > OverdueAfter && l.RunningSince is null))
        {
            problems.Add($"'{list.Name}' should have run at {list.NextRun:u} and has not");
        }
        if (problems.Count > 0)
        {
            return HealthCheckResult.Unhealthy(string.Join("; ", problems), data: data);
        }
        return HealthCheckResult.Healthy(
            $"last tick {age.TotalSeconds:0.#} s ago; {running.Count} check{(running.Count == 1 ? "" : "s")} running, {waiting.Count} waiting", data);
    }
}
