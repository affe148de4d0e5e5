using Microsoft.Extensions.Diagnostics.HealthChecks;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Monitoring.Health;

/// <summary>An unreadable presets.json stops every list, so it is Unhealthy, with the line and column of the problem.</summary>
public sealed class PresetsHealthCheck(PresetsStore presets) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = presets.Current ?? await presets.LoadAsync(cancellationToken);
        if (snapshot.FileError is { } error)
        {
            return HealthCheckResult.Unhealthy(error.ToString());
        }
        var lists = snapshot.MonitoringLists;
        var invalid = lists.Count(l => !snapshot.IsValid(l.Id));
        return HealthCheckResult.Healthy($"{presets.FilePath}: {lists.Count} monitoring lists" + (invalid > 0 ? $", {invalid} invalid" : ""));
    }
}
