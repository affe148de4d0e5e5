using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MonitorDashboard.Calculation.Proposals;
using MonitorDashboard.Components.Pages.Runs.Proposal;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Proposals;
using MonitorDashboard.Security;
using MonitorDashboard.Tests.TestSupport;
using MudBlazor;
using static MonitorDashboard.Tests.Monitoring.Proposals.DraftOrdersRig;

namespace MonitorDashboard.Tests.Components.Pages.Runs.Proposal;

/// <summary>The draft orders panel over the app's services in demo mode: drafts go to the embedded emulator, records to the history on disk.</summary>
public sealed class DraftOrdersPanelTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static readonly OrderProposal TwoSuppliers = Monitoring.Proposals.DraftOrdersRig.Proposal(
        Supplier(Voltaic, "Voltaic Components Ltd", Line(140, "Resistor 10k 0603", 321, 3), Line(143, "Capacitor 100nF 0603", 324, 2)),
        Supplier(Northwind, "Northwind Modules Inc.", Line(160, "LTE Modem Module Cat-M1", 340, 10)));

    private static IRenderedComponent<DraftOrdersPanel> Render(DashboardServices dashboard, DraftRun run, OrderProposal? proposal = null) =>
        dashboard.Context.Render<DraftOrdersPanel>(p => p.Add(x => x.Run, run).Add(x => x.Proposal, proposal ?? TwoSuppliers));

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IDraftOrderStore Store(DashboardServices dashboard) => dashboard.Context.Services.GetRequiredService<IDraftOrderStore>();

    [Fact]
    public async Task An_admin_confirms_exactly_the_listed_orders_and_sees_the_outcome_line_by_line_then_only_the_existing_orders()
    {
        await using var dashboard = await DashboardServices.StartAsync();
        var dialogs = dashboard.Context.Render<MudDialogProvider>();
        var run = Run();
        var cut = Render(dashboard, run);

        cut.WaitForElement("[data-testid=draft-create]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(3, dialogs.FindAll("[data-testid=draft-confirm-line]").Count));
        Assert.Contains("Create 2 Pending purchase orders and 3 lines in InvenTree", dialogs.Markup, StringComparison.Ordinal);
        Assert.Equal(["Voltaic Components Ltd: new order", "Northwind Modules Inc.: new order"],
            dialogs.FindAll("[data-testid=draft-confirm-supplier] h6, [data-testid=draft-confirm-supplier] .mud-typography-subtitle2").Select(e => e.TextContent.Trim()).Distinct());
        Assert.Equal("Resistor 10k 0603: 3 × supplier part 321", dialogs.FindAll("[data-testid=draft-confirm-line]")[0].TextContent.Trim());

        dialogs.Find("[data-testid=draft-confirm-create]").Click();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=draft-outcome-line]").Count));
        Assert.All(cut.FindAll("[data-testid=draft-outcome-line]"), l => Assert.Equal("Created", l.GetAttribute("data-result")));
        var recorded = await Store(dashboard).ForRunAsync(run.RunId, Ct);
        Assert.Equal(recorded.Orders.Select(o => $"Created {o.OrderReference} for {o.SupplierName}").Order(),
            cut.FindAll("[data-testid=draft-outcome-supplier]").Select(e => e.TextContent.Trim()).Order());
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=draft-existing-order]").Count));
        Assert.Empty(cut.FindAll("[data-testid=draft-create]"));
        Assert.Equal(recorded.Orders.Select(o => $"{o.OrderReference} · {o.SupplierName} · {(o.SupplierPk == Voltaic ? 2 : 1)} line{(o.SupplierPk == Voltaic ? "s" : "")}").Order(),
            cut.FindAll("[data-testid=draft-existing-order]").Select(e => Words(e.TextContent)).Order());
    }

    [Fact]
    public async Task Cancelling_the_confirmation_creates_nothing()
    {
        await using var dashboard = await DashboardServices.StartAsync();
        var dialogs = dashboard.Context.Render<MudDialogProvider>();
        var run = Run();
        var cut = Render(dashboard, run);

        cut.WaitForElement("[data-testid=draft-create]").Click();
        dialogs.WaitForElement("[data-testid=draft-confirm-cancel]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=draft-confirm-line]")));
        Assert.Empty(cut.FindAll("[data-testid=draft-outcome]"));
        Assert.Empty((await Store(dashboard).ForRunAsync(run.RunId, Ct)).Orders);
    }

    [Fact]
    public async Task A_viewer_sees_the_orders_the_run_created_but_no_button()
    {
        await using var dashboard = await DashboardServices.StartAsync(signInAs: DashboardServices.Viewer);
        var run = Run();
        var drafts = dashboard.Context.Services.GetRequiredService<DraftOrders>();
        await drafts.CreateAsync(run, Monitoring.Proposals.DraftOrdersRig.Proposal(TwoSuppliers.Suppliers[0]), CommandLineUser.Instance, Ct);

        var cut = Render(dashboard, run);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=draft-existing-order]")));
        Assert.EndsWith("· Voltaic Components Ltd · 2 lines", Words(cut.Find("[data-testid=draft-existing-order]").TextContent), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=draft-create]"));
        Assert.NotNull(cut.Find("[data-testid=draft-viewer]"));
    }

    [Fact]
    public async Task An_admin_demoted_before_confirming_is_refused_when_the_action_runs_and_nothing_is_created()
    {
        await using var dashboard = await DashboardServices.StartAsync();
        var dialogs = dashboard.Context.Render<MudDialogProvider>();
        var run = Run();
        var cut = Render(dashboard, run);
        cut.WaitForElement("[data-testid=draft-create]").Click();
        dialogs.WaitForElement("[data-testid=draft-confirm-create]");

        dashboard.ChangeRole(DashboardServices.Admin, Roles.Viewer);
        dialogs.Find("[data-testid=draft-confirm-create]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Not allowed to create draft purchase orders", cut.Find("[data-testid=draft-message]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=draft-create]"));
        Assert.Empty((await Store(dashboard).ForRunAsync(run.RunId, Ct)).Orders);
    }
}
