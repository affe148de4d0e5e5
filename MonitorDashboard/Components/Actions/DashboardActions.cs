using MonitorDashboard.Presets;
using MonitorDashboard.Security;

namespace MonitorDashboard.Components.Actions;

/// <summary>
/// Every change the dashboard makes to presets.json, each authorized when it runs against the circuit's current user
/// (<see cref="CurrentUser.RequireAdminAsync"/>): components call these (and <see cref="RunActions"/> for Run now), never
/// the store or the engine directly (a test holds every component to it), so a stale page, a crafted event or a demoted
/// account is refused with <see cref="ActionRefusedException"/> and nothing changes. Components ask
/// <see cref="CanChangeAsync"/> what to show.
/// </summary>
public sealed class DashboardActions(CurrentUser user, PresetsStore presets)
{
    public Task<bool> CanChangeAsync() => user.IsAdminAsync();

    public async Task<ListSaveResult> AddListAsync(MonitoringList list, string expectedVersion, CancellationToken cancellationToken)
    {
        await user.RequireAdminAsync("create a list");
        return await presets.AddListAsync(list, expectedVersion, cancellationToken);
    }

    public async Task<PresetsSnapshot> UpdateListAsync(MonitoringList list, string expectedVersion, CancellationToken cancellationToken)
    {
        await user.RequireAdminAsync("change a list");
        return await presets.UpdateListAsync(list, expectedVersion, cancellationToken);
    }

    public async Task<ListSaveResult> DuplicateListAsync(MonitoringList copy, string expectedVersion, CancellationToken cancellationToken)
    {
        await user.RequireAdminAsync("duplicate a list");
        return await presets.AddListAsync(copy, expectedVersion, cancellationToken);
    }

    public async Task<PresetsSnapshot> DeleteListAsync(string listId, string expectedVersion, CancellationToken cancellationToken)
    {
        await user.RequireAdminAsync("delete a list");
        return await presets.DeleteListAsync(listId, expectedVersion, cancellationToken);
    }

    public async Task<PresetsSnapshot> SetActiveAsync(string listId, bool active, string expectedVersion, CancellationToken cancellationToken)
    {
        await user.RequireAdminAsync(active ? "resume a list" : "pause a list");
        return await presets.SetActiveAsync(listId, active, expectedVersion, cancellationToken);
    }

    /// <summary>Saves, overwrites or deletes calculator presets (<paramref name="what"/> names it: "save a preset").</summary>
    public async Task<PresetsSnapshot> ChangePresetsAsync(string what, Func<PresetsDocument, PresetsDocument> change, string expectedVersion, CancellationToken cancellationToken)
    {
        await user.RequireAdminAsync(what);
        return await presets.SaveAsync(change, expectedVersion, cancellationToken);
    }
}
