using MonitorDashboard.Calculation.Proposals;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Monitoring.Proposals;

/// <summary>The one rule of what drafting creates: a proposal's line is missing unless the run's order for its supplier has a created line for its supplier part.</summary>
internal static class DraftPlanner
{
    public static DraftPlan Plan(DraftRun run, OrderProposal proposal, RunDraftOrders drafts)
    {
        var suppliers = proposal.Suppliers
            .Select(s => new SupplierDraftPlan(
                s.SupplierPk,
                s.SupplierName,
                drafts.OrderFor(s.SupplierPk),
                [.. s.Lines.Where(l => l.Packs > 0 && drafts.CreatedLine(s.SupplierPk, l.SupplierPartPk) is null)],
                Created(drafts, s.SupplierPk)))
            .ToList();
        // Orders the run created for suppliers the proposal no longer names (InvenTree's data changed): still shown.
        suppliers.AddRange(drafts.Orders
            .Where(o => proposal.Suppliers.All(s => s.SupplierPk != o.SupplierPk))
            .Select(o => new SupplierDraftPlan(o.SupplierPk, o.SupplierName, o, [], Created(drafts, o.SupplierPk))));
        return new DraftPlan(run, suppliers, proposal.NoSupplier);
    }

    private static IReadOnlyList<DraftLineRecord> Created(RunDraftOrders drafts, int supplierPk) =>
        [.. drafts.LinesOf(supplierPk).Where(l => l.Status == DraftLineStatus.Created)];
}
