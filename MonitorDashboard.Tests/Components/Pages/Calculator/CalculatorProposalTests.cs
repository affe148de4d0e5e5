using Bunit;
using MudBlazor;

namespace MonitorDashboard.Tests.Components.Pages.Calculator;

/// <summary>The calculator's "Order proposal" section over the sample catalog (emulator over HTTP).</summary>
public sealed class CalculatorProposalTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_proposal_of_the_result_groups_its_parts_by_supplier_and_leaves_out_hidden_suppliers()
    {
        await using var harness = await CalculatorPageHarness.StartAsync();
        var cut = harness.Render();
        await CalculatorPageTests.PasteAndCalculateAsync(cut, "Master Assembly:60\nWidget Assembly@B:5");

        await CalculatorPageTests.ClickAsync(cut, "build-proposal");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=supplier-group]")), Wait);
        Assert.Equal(
            ["Fjord PCB Works AS", "Hanseatic Fasteners GmbH", "Northwind Modules Inc.", "Voltaic Components Ltd"],
            cut.FindAll("[data-testid=supplier-group]").Select(g => g.GetAttribute("data-supplier")));
        var northwind = cut.Find("[data-supplier='Northwind Modules Inc.']");
        Assert.Equal("Total: 1535.60 EUR", northwind.QuerySelector("[data-testid=supplier-totals]")!.TextContent.Trim());
        Assert.Contains("Temperature Probe", cut.Find("[data-testid=no-supplier-group]").TextContent, StringComparison.Ordinal);

        // Hiding a supplier is a new result as shown: the old proposal goes, the next one leaves that supplier out.
        cut.WaitForAssertion(() => Assert.False(cut.FindComponent<MudSelect<int>>().Instance.Disabled), Wait);
        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<int>>().Instance.OpenMenu());
        harness.Popovers!.WaitForElements(".mud-list-item", Wait).First(i => i.TextContent.Contains("Northwind Modules Inc.", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=proposal-view]")), Wait);
        Assert.Equal("Excluding Northwind Modules Inc.", cut.Find("[data-testid=proposal-excluded]").TextContent.Trim());

        await CalculatorPageTests.ClickAsync(cut, "build-proposal");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=supplier-group]")), Wait);
        Assert.DoesNotContain("Northwind Modules Inc.", cut.FindAll("[data-testid=supplier-group]").Select(g => g.GetAttribute("data-supplier")));
    }
}
