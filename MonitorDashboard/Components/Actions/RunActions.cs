using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Security;

namespace MonitorDashboard.Components.Actions;

/// <summary>Run now, authorized when it runs like every <see cref="DashboardActions"/> change.</summary>
public sealed class RunActions(CurrentUser user, MonitoringEngine engine)
{
    public Task<bool> CanRunAsync() => user.IsAdminAsync();

    /// <exception cref="ActionRefusedException">The user may not run lists; nothing was started.</exception>
    public async Task<CheckOutcome> RunNowAsync(string listId)
    {
        await user.RequireAdminAsync("run a list now");
        return await engine.RunNowAsync(listId);
    }
}
