using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Proposals;
using static MonitorDashboard.Tests.Monitoring.Proposals.DraftOrdersRig;

namespace MonitorDashboard.Tests.Monitoring.Proposals;

public sealed class DraftPlannerTests
{
    private static readonly DraftRun R = Run();
    private static readonly DateTimeOffset T = DateTimeOffset.UnixEpoch;

    private static readonly MonitorDashboard.Calculation.Proposals.OrderProposal Two = Proposal(
        Supplier(Voltaic, "Voltaic", Line(140, "Resistor", 321, 3), Line(143, "Capacitor", 324, 2)),
        Supplier(Northwind, "Northwind", Line(160, "Modem", 340, 10)));

    private static DraftLineRecord Created(int supplier, int supplierPart) =>
        new(R.RunId, supplier, supplierPart, 1, "x", null, 1, 99, DraftLineStatus.Created, null, T);

    [Fact]
    public void Without_drafts_every_supplier_gets_a_new_order_with_all_its_lines()
    {
        var plan = DraftPlanner.Plan(R, Two, RunDraftOrders.None);

        Assert.Equal((2, 3, false), (plan.NewOrders, plan.LinesToCreate, plan.NothingToCreate));
        Assert.Empty(plan.ExistingOrders);
    }

    [Fact]
    public void A_created_line_is_skipped_and_a_refused_one_is_planned_again_on_the_existing_order()
    {
        var order = new DraftOrderRecord(R.RunId, Voltaic, "Voltaic", 7, "PO-0007", T);
        var refused = new DraftLineRecord(R.RunId, Voltaic, 324, 143, "Capacitor", null, 2, null, DraftLineStatus.Refused, "no", T);
        var plan = DraftPlanner.Plan(R, Two, new RunDraftOrders([order], [Created(Voltaic, 321), refused]));

        var voltaic = plan.Suppliers[0];
        Assert.Equal(order, voltaic.Order);
        Assert.Equal([324], voltaic.ToCreate.Select(l => l.SupplierPartPk));
        Assert.Equal([321], voltaic.Existing.Select(l => l.SupplierPartPk));
        Assert.Equal((1, 2), (plan.NewOrders, plan.LinesToCreate));
    }

    [Fact]
    public void An_order_of_a_supplier_the_proposal_no_longer_names_is_still_shown_and_nothing_is_added_to_it()
    {
        var gone = new DraftOrderRecord(R.RunId, 2, "Hanseatic", 9, "PO-0009", T);
        var plan = DraftPlanner.Plan(R, Proposal(), new RunDraftOrders([gone], [Created(2, 355)]));

        Assert.True(plan.NothingToCreate);
        Assert.Equal([gone], plan.ExistingOrders);
    }
}
