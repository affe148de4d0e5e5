using Microsoft.Extensions.Diagnostics.HealthChecks;
using MonitorDashboard.Monitoring.State;

namespace MonitorDashboard.Monitoring.Health;

/// <summary>The dispatcher ticks every second; a heartbeat older than <see cref="MaxAge"/> means the scheduler is stuck or dead.</summary>
public sealed class SchedulerHealthCheck(MonitorState state, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (state.LastHeartbeat is not { } last)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("no scheduler tick yet"));
        }
        var age = time.GetUtcNow() - last;
        return Task.FromResult(age <= MaxAge
            ? HealthCheckResult.Healthy($"last tick {age.TotalSeconds:0.#} s ago")
            : HealthCheckResult.Unhealthy($"no scheduler tick since {last:u} ({age.TotalSeconds:0} s ago)"));
    }
}
