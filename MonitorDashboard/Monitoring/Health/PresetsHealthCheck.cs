using Microsoft.Extensions.Diagnostics.HealthChecks;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Monitoring.Health;

/// <summary>
/// An unreadable, emptied or vanished presets.json stops every list, so it is Unhealthy, with the line and column of
/// the problem when there is one. Data for the status page: <c>path</c>, <c>lists</c>, <c>invalid</c>.
/// </summary>
public sealed class PresetsHealthCheck(PresetsStore presets) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = presets.Current ?? await presets.LoadAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["path"] = presets.FilePath };
        if (snapshot.FileError is { } error)
        {
            return HealthCheckResult.Unhealthy(error.ToString(), data: data);
        }
        var lists = snapshot.MonitoringLists;
        var invalid = lists.Count(l => !snapshot.IsValid(l.Id));
        data["lists"] = lists.Count;
        data["invalid"] = invalid;
        return HealthCheckResult.Healthy($"{presets.FilePath}: {lists.Count} monitoring lists" + (invalid > 0 ? $", {invalid} invalid" : ""), data);
    }
}
