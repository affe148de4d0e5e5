using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MonitorDashboard.Calculation.Proposals;
using MonitorDashboard.Components.Shared;
using MudBlazor;
using MudBlazor.Services;

namespace MonitorDashboard.Tests.Components.Shared;

public sealed class OrderProposalViewTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    // Hand-made: screws in packs of 100 (248 needed → 3 packs, 300 arrive), a modem with 40 already on order, a line in
    // another currency, one without a price, and a part without a supplier.
    private static readonly OrderProposal Proposal = new(
        [
            new SupplierProposal(7, "Acme Fasteners",
                [
                    new ProposalLine(185, "M3x8 Screw A2", 1850, "AF-M3X8-100", SupplierPartChoice.Primary, 248m, 100m, 3m, 300m, 4.2m, "EUR", 12.6m, 500m),
                    new ProposalLine(186, "M3 Nut", 1860, null, SupplierPartChoice.Fallback, 12m, 1m, 12m, 12m, null, null, null, 0m),
                    new ProposalLine(187, "Washer", 1870, "W-1", SupplierPartChoice.Fallback, 5m, 1m, 5m, 5m, 0.012345m, "USD", 0.061725m, 0m),
                ],
                [new ProposalTotal("EUR", 12.6m), new ProposalTotal("USD", 0.061725m)], 1),
            new SupplierProposal(9, "Northwind Modules Inc.",
                [new ProposalLine(160, "LTE Modem", 340, "NW-LTE-1", SupplierPartChoice.Primary, 44m, 1m, 44m, 44m, 34.9m, "EUR", 1535.6m, 40m)],
                [new ProposalTotal("EUR", 1535.6m)], 0),
        ],
        [new NoSupplierLine(201, "Widget Front Label", 6.5m, 0m)]);

    public OrderProposalViewTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Render<MudPopoverProvider>();
    }

    private IRenderedComponent<OrderProposalView> Render(OrderProposal proposal) =>
        _context.Render<OrderProposalView>(p => p.Add(x => x.Proposal, proposal));

    [Fact]
    public void Each_supplier_is_a_group_with_its_lines_rounded_to_packs_priced_and_totalled_per_currency()
    {
        var cut = Render(Proposal);

        var groups = cut.FindAll("[data-testid=supplier-group]");
        Assert.Equal(["Acme Fasteners", "Northwind Modules Inc."], groups.Select(g => g.GetAttribute("data-supplier")));
        var acme = groups[0];
        var screw = acme.QuerySelectorAll("tbody tr")[0];
        Assert.Equal(
            ["M3x8 Screw A2", "AF-M3X8-100primary", "248", "100", "3", "300", "4.20", "12.60", "EUR", "500"],
            screw.QuerySelectorAll("td").Select(td => Squeeze(td.TextContent)));
        Assert.Equal(("AF-M3X8-100", "primary"), (screw.QuerySelector("[data-testid=sku]")!.TextContent, screw.QuerySelector("[data-testid=primary]")!.TextContent.Trim()));
        // No SKU: the supplier part's id, not marked primary; no price: a dash, and the line is counted, not totalled.
        var nut = acme.QuerySelectorAll("tbody tr")[1];
        Assert.Equal(["M3 Nut", "#1860", "12", "1", "12", "12", "—", "—", "", "0"], nut.QuerySelectorAll("td").Select(td => Squeeze(td.TextContent)));
        Assert.Equal("0.0123", acme.QuerySelectorAll("tbody tr")[2].QuerySelector("[data-testid=line-unit-price]")!.TextContent.Trim());
        Assert.Equal("Total: 12.60 EUR + 0.0617 USD", Squeeze(acme.QuerySelector("[data-testid=supplier-totals]")!.TextContent));
        Assert.Equal("1 line without a price (not in the total)", acme.QuerySelector("[data-testid=unpriced-count]")!.TextContent.Trim());

        var northwind = groups[1];
        Assert.Equal("Total: 1535.60 EUR", Squeeze(northwind.QuerySelector("[data-testid=supplier-totals]")!.TextContent));
        Assert.Empty(northwind.QuerySelectorAll("[data-testid=unpriced-count]"));
        Assert.Equal("40", northwind.QuerySelector("[data-testid=line-on-order]")!.TextContent.Trim());
    }

    [Fact]
    public void Parts_without_a_supplier_part_are_listed_apart_and_the_chooser_rule_is_stated()
    {
        var cut = Render(Proposal);

        var none = cut.Find("[data-testid=no-supplier-group]");
        Assert.Contains("No supplier", none.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Widget Front Label", "6.5", "0"], none.QuerySelectorAll("tbody td").Select(td => Squeeze(td.TextContent)));
        Assert.DoesNotContain("Widget Front Label", string.Concat(cut.FindAll("[data-testid=supplier-group]").Select(g => g.TextContent)), StringComparison.Ordinal);
        var rule = cut.Find("[data-testid=chooser-rule]").TextContent;
        Assert.Contains("primary supplier part", rule, StringComparison.Ordinal);
        Assert.Contains("most available", rule, StringComparison.Ordinal);
        Assert.Contains("lowest price per unit", rule, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_proposal_says_there_is_nothing_to_order()
    {
        var cut = Render(OrderProposal.Empty);

        Assert.Equal("Nothing to order.", cut.Find("[data-testid=proposal-empty]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=supplier-group]"));
        Assert.Empty(cut.FindAll("[data-testid=no-supplier-group]"));
    }

    [Fact]
    public async Task Each_group_downloads_its_own_CSV_named_after_the_supplier()
    {
        var cut = _context.Render<OrderProposalView>(p => p.Add(x => x.Proposal, Proposal).Add(x => x.CsvName, "order-proposal-Production plan-2025-03-30-0700"));

        await cut.Find("[data-supplier='Northwind Modules Inc.'] [data-testid=supplier-csv]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        await cut.Find("[data-testid=no-supplier-csv]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        var calls = _context.JSInterop.Invocations["monitorDashboard.download"];
        Assert.Equal(2, calls.Count);
        Assert.Equal(
            ("order-proposal-production-plan-2025-03-30-0700-northwind-modules-inc.csv", "text/csv;charset=utf-8",
                "\uFEFF" + ProposalCsv.Supplier(Proposal.Suppliers[1])),
            ((string)calls[0].Arguments[0]!, (string)calls[0].Arguments[1]!, (string)calls[0].Arguments[2]!));
        Assert.Equal(
            ("order-proposal-production-plan-2025-03-30-0700-no-supplier.csv", "\uFEFFPart ID,Part,Needed,On order\r\n201,Widget Front Label,6.5,0\r\n"),
            ((string)calls[1].Arguments[0]!, (string)calls[1].Arguments[2]!));
    }

    [Fact]
    public void Without_a_file_name_there_are_no_downloads() =>
        Assert.Empty(Render(Proposal).FindAll("[data-testid=supplier-csv], [data-testid=no-supplier-csv]"));

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
