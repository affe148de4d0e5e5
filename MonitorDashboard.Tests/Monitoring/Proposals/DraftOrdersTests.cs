using MonitorDashboard.InvenTree;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Proposals;
using MonitorDashboard.Security;
using MonitorDashboard.Tests.Security;
using static MonitorDashboard.Tests.Monitoring.Proposals.DraftOrdersRig;

namespace MonitorDashboard.Tests.Monitoring.Proposals;

/// <summary>Drafting a run's proposal as Pending purchase orders, end to end: InvenTree over HTTP, the history on disk.</summary>
public sealed class DraftOrdersTests
{
    private const int Resistors = 321, Capacitors = 324, Modems = 340;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly MonitorDashboard.Calculation.Proposals.OrderProposal TwoSuppliers = Proposal(
        Supplier(Voltaic, "Voltaic Components Ltd", Line(140, "Resistor 10k 0603", Resistors, 3), Line(143, "Capacitor 100nF 0603", Capacitors, 2)),
        Supplier(Northwind, "Northwind Modules Inc.", Line(160, "LTE Modem Module Cat-M1", Modems, 10)));

    [Fact]
    public async Task One_Pending_order_per_supplier_is_created_with_its_lines_and_a_description_naming_the_list_and_the_run()
    {
        await using var rig = await StartAsync();
        var run = Run();

        var outcome = await rig.Drafts.CreateAsync(run, TwoSuppliers, CommandLineUser.Instance, Ct);

        Assert.False(outcome.AnyFailed);
        Assert.Equal((2, 3), (outcome.OrdersCreated, outcome.LinesCreated));
        var orders = outcome.Suppliers.Select(s => s.Order!).ToList();
        foreach (var (supplier, order) in outcome.Suppliers.Zip(orders))
        {
            var read = await rig.Client.GetPurchaseOrderAsync(order.OrderPk, Ct);
            Assert.Equal((InvenTreePurchaseOrderStatus.Pending, supplier.SupplierPk, order.OrderReference), (read.Status, read.Supplier!.Value, read.Reference));
            Assert.Equal($"Drafted by MonitorDashboard from monitoring list \"Gateways\", run {run.RunId} of 2026-11-30 06:00 UTC", read.Description);
        }
        var lines = await rig.Client.GetPurchaseOrderLinesAsync([.. orders.Select(o => o.OrderPk)], Ct);
        Assert.Equal(
            [(orders[0].OrderPk, Resistors, 3m, 140), (orders[0].OrderPk, Capacitors, 2m, 143), (orders[1].OrderPk, Modems, 10m, 160)],
            lines.OrderBy(l => l.Pk).Select(l => (l.Order, l.Part!.Value, l.Quantity, l.InternalPart!.Value)));
        Assert.All(lines, l => Assert.Equal("monitoring list Gateways", l.Reference));
        var recorded = await rig.Store.ForRunAsync(run.RunId, Ct);
        Assert.Equal(orders.OrderBy(o => o.SupplierPk), recorded.Orders.OrderBy(o => o.SupplierPk));
        Assert.Equal(lines.Select(l => l.Pk).Order(), recorded.Lines.Select(l => l.LinePk!.Value).Order());
    }

    [Fact]
    public async Task A_second_call_creates_nothing_and_offers_the_orders_the_first_created()
    {
        await using var rig = await StartAsync();
        var run = Run();
        var first = await rig.Drafts.CreateAsync(run, TwoSuppliers, CommandLineUser.Instance, Ct);
        rig.Emulator!.ResetCounters();

        var plan = await rig.Drafts.PlanAsync(run, TwoSuppliers, Ct);
        var second = await rig.Drafts.CreateAsync(run, TwoSuppliers, CommandLineUser.Instance, Ct);

        Assert.True(plan.NothingToCreate);
        Assert.Equal(first.Suppliers.Select(s => s.Order!.OrderReference), plan.ExistingOrders.Select(o => o.OrderReference));
        Assert.Equal(0, rig.Emulator.RequestCount);
        Assert.False(second.AnyFailed);
        Assert.Equal(0, second.OrdersCreated + second.LinesCreated);
        Assert.All(second.Suppliers.SelectMany(s => s.Lines), l => Assert.Equal(DraftLineResult.AlreadyThere, l.Result));
    }

    [Fact]
    public async Task A_refused_line_is_reported_with_InvenTrees_reason_the_rest_is_created_and_a_retry_creates_only_that_line()
    {
        await using var rig = await StartAsync();
        var run = Run();
        var withGone = Proposal(
            Supplier(Voltaic, "Voltaic Components Ltd", Line(140, "Resistor 10k 0603", Resistors, 3), Line(143, "Capacitor 100nF 0603", 999999, 2)),
            Supplier(Northwind, "Northwind Modules Inc.", Line(160, "LTE Modem Module Cat-M1", Modems, 10)));

        var first = await rig.Drafts.CreateAsync(run, withGone, CommandLineUser.Instance, Ct);

        Assert.True(first.AnyFailed);
        Assert.Equal(
            [("Resistor 10k 0603", DraftLineResult.Created, null),
             ("Capacitor 100nF 0603", DraftLineResult.Refused, "InvenTree rejected POST /api/order/po-line/: HTTP 400: part: Invalid pk \"999999\" - object does not exist."),
             ("LTE Modem Module Cat-M1", DraftLineResult.Created, null)],
            first.Suppliers.SelectMany(s => s.Lines).Select(l => (l.Line.PartName, l.Result, l.Problem)));
        Assert.Equal(2, first.OrdersCreated);

        // The proposal again once the capacitor's supplier part is right in InvenTree.
        rig.Emulator!.ResetCounters();
        var retry = await rig.Drafts.CreateAsync(run, TwoSuppliers, CommandLineUser.Instance, Ct);

        Assert.False(retry.AnyFailed);
        Assert.Equal(["/api/order/po-line/"], rig.Posts());
        Assert.Equal((0, 1), (retry.OrdersCreated, retry.LinesCreated));
        var voltaic = first.Suppliers[0].Order!;
        var lines = await rig.Client.GetPurchaseOrderLinesAsync([voltaic.OrderPk], Ct);
        Assert.Equal([(Resistors, 3m), (Capacitors, 2m)], lines.OrderBy(l => l.Pk).Select(l => (l.Part!.Value, l.Quantity)));
        Assert.All((await rig.Store.ForRunAsync(run.RunId, Ct)).Lines, l => Assert.Equal(DraftLineStatus.Created, l.Status));
    }

    [Fact]
    public async Task A_line_whose_answer_was_lost_stops_the_sending_and_the_retry_finds_it_in_InvenTree_instead_of_doubling_it()
    {
        await using var rig = await StartAsync();
        var run = Run();
        rig.Emulator!.Faults.PathFilter = "/api/order/po-line/";
        rig.Emulator.Faults.FaultedRequestsLeft = 1;
        rig.Emulator.Faults.DropMidBody = true;

        var first = await rig.Drafts.CreateAsync(run, TwoSuppliers, CommandLineUser.Instance, Ct);

        var results = first.Suppliers.SelectMany(s => s.Lines).Select(l => l.Result).ToList();
        Assert.Equal([DraftLineResult.Refused, DraftLineResult.NotSent, DraftLineResult.NotSent], results);
        Assert.Contains("may have applied it", first.Suppliers[0].Lines[0].Problem, StringComparison.Ordinal);
        Assert.Equal(DraftOrders.NothingMoreSent, first.Suppliers[1].OrderProblem);

        rig.Emulator.Faults.Reset();
        var retry = await rig.Drafts.CreateAsync(run, TwoSuppliers, CommandLineUser.Instance, Ct);

        Assert.False(retry.AnyFailed);
        var voltaic = first.Suppliers[0].Order!;
        var lines = await rig.Client.GetPurchaseOrderLinesAsync([voltaic.OrderPk], Ct);
        Assert.Equal([(Resistors, 3m), (Capacitors, 2m)], lines.OrderBy(l => l.Pk).Select(l => (l.Part!.Value, l.Quantity)));
        Assert.Equal([DraftLineResult.AlreadyThere, DraftLineResult.Created, DraftLineResult.Created],
            retry.Suppliers.SelectMany(s => s.Lines).Select(l => l.Result));
    }

    [Fact]
    public async Task An_order_InvenTree_created_but_the_history_missed_is_recognised_by_its_run_and_not_created_again()
    {
        await using var rig = await StartAsync();
        var run = Run();
        // As if the app had stopped right after InvenTree created the order, before it was recorded.
        var lost = await rig.Writer.CreatePendingOrderAsync(Voltaic, DraftOrderText.Description(run), Ct);
        var other = await rig.Writer.CreatePendingOrderAsync(Voltaic, DraftOrderText.Description(Run()), Ct);

        var outcome = await rig.Drafts.CreateAsync(run, TwoSuppliers, CommandLineUser.Instance, Ct);

        Assert.False(outcome.AnyFailed);
        Assert.Equal(lost.Pk, outcome.Suppliers[0].Order!.OrderPk);
        Assert.NotEqual(other.Pk, outcome.Suppliers[0].Order!.OrderPk);
        Assert.Equal(2, (await rig.Client.GetPurchaseOrderLinesAsync([lost.Pk], Ct)).Count);
        Assert.Equal(1, outcome.OrdersCreated);
    }

    [Fact]
    public async Task A_viewer_is_refused_and_nothing_is_sent_or_recorded()
    {
        await using var rig = await StartAsync();
        using var session = new SessionRig();
        session.OpenCircuit("vera");
        var run = Run();
        rig.Emulator!.ResetCounters();

        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => rig.Drafts.CreateAsync(run, TwoSuppliers, session.User, Ct));

        Assert.Equal("Not allowed to create draft purchase orders: only an admin can, and you are signed in as vera (viewer). Nothing was changed.", refused.Message);
        Assert.Equal(0, rig.Emulator.RequestCount);
        Assert.Empty((await rig.Store.ForRunAsync(run.RunId, Ct)).Orders);
    }

    [Fact]
    public async Task An_admin_signed_in_to_the_dashboard_may_draft()
    {
        await using var rig = await StartAsync();
        using var session = new SessionRig();
        session.OpenCircuit("ada");

        var outcome = await rig.Drafts.CreateAsync(Run(), TwoSuppliers, session.User, Ct);

        Assert.Equal(2, outcome.OrdersCreated);
    }

    [Fact]
    public async Task Demo_mode_drafts_in_the_embedded_emulator()
    {
        await using var rig = DemoMode();
        var run = Run();

        var outcome = await rig.Drafts.CreateAsync(run, TwoSuppliers, CommandLineUser.Instance, Ct);

        Assert.False(outcome.AnyFailed);
        var read = await rig.Client.GetPurchaseOrderAsync(outcome.Suppliers[1].Order!.OrderPk, Ct);
        Assert.Equal(("Northwind Modules Inc.", InvenTreePurchaseOrderStatus.Pending), (read.SupplierName, read.Status));
    }

    [Fact]
    public async Task Demo_mode_sends_nothing_to_a_server_that_is_not_the_embedded_emulator()
    {
        await using var elsewhere = await EmulatorServer.StartAsync(MonitorDashboard.Demo.SampleCatalog.Load(), cancellationToken: Ct);
        await using var rig = DemoMode(new FixedConnection(new InvenTreeEndpoint(new Uri(elsewhere.BaseAddress, "api/"), elsewhere.Token, isDemo: false)));
        var run = Run();

        var outcome = await rig.Drafts.CreateAsync(run, TwoSuppliers, CommandLineUser.Instance, Ct);

        Assert.True(outcome.AnyFailed);
        Assert.Contains("Demo mode writes only to the embedded InvenTree emulator", outcome.Suppliers[0].OrderProblem, StringComparison.Ordinal);
        Assert.Equal(DraftOrders.NothingMoreSent, outcome.Suppliers[1].OrderProblem);
        Assert.DoesNotContain(elsewhere.Requests, r => r.Method != "GET");
        Assert.Empty((await rig.Store.ForRunAsync(run.RunId, Ct)).Orders);
    }

    private sealed class FixedConnection(InvenTreeEndpoint endpoint) : IInvenTreeConnection
    {
        public ValueTask<InvenTreeEndpoint> GetEndpointAsync(CancellationToken cancellationToken) => ValueTask.FromResult(endpoint);
    }
}
