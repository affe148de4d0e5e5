using MonitorDashboard.Calculation.Proposals;
using MonitorDashboard.Monitoring.Proposals;
using MonitorDashboard.Security;

namespace MonitorDashboard.Components.Actions;

/// <summary>
/// Drafting a run's purchase orders from the dashboard: <see cref="DraftOrders"/> with the circuit's
/// <see cref="CurrentUser"/> as the actor, so the admin check runs when the action runs (in the service, its one home).
/// </summary>
public sealed class DraftOrderActions(CurrentUser user, DraftOrders drafts)
{
    public Task<bool> CanCreateAsync() => user.IsAdminAsync();

    public Task<DraftPlan> PlanAsync(DraftRun run, OrderProposal proposal, CancellationToken cancellationToken) =>
        drafts.PlanAsync(run, proposal, cancellationToken);

    /// <exception cref="ActionRefusedException">The user may not; nothing was sent or written.</exception>
    public Task<DraftOutcome> CreateAsync(DraftRun run, OrderProposal proposal, CancellationToken cancellationToken) =>
        drafts.CreateAsync(run, proposal, user, cancellationToken);
}
