using Bunit;
using CalculatorPage = MonitorDashboard.Components.Pages.Calculator.Calculator;

namespace MonitorDashboard.Tests.Components.Pages.Calculator;

/// <summary>"Replenish to minimum stock" on the calculator page, real services on the sample catalog (Demo/SAMPLE_CATALOG.md).</summary>
public sealed class CalculatorReplenishmentTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Replenishing_recalculates_adds_the_parts_below_their_minimum_and_splits_each_line()
    {
        await using var harness = await CalculatorPageHarness.StartAsync();
        var cut = harness.Render();
        await CalculatorPageTests.PasteAndCalculateAsync(cut, "Master Assembly:60\nWidget Assembly@B:5");
        Assert.Contains("Parts to order (19)", Tabs(cut));
        Assert.Empty(cut.FindAll("[data-testid=parts-to-order] td[data-testid=replenishment]"));
        var requests = harness.InvenTree.Emulator.Requests.Count;

        cut.Find("input[data-testid=replenish]").Change(true);

        // Widget Front Label (demand 6, available 35, minimum 100) and Resistor 10k (demand 986, available 1323,
        // minimum 1000) become order lines; Battery Pack: 42 for the demand and 20 back to its minimum of 20.
        cut.WaitForAssertion(() => Assert.Contains("Parts to order (22)", Tabs(cut)), Wait);
        Assert.True(harness.InvenTree.Emulator.Requests.Count > requests, "the option recalculates");
        Assert.Equal(("71", "0", "71", "100"), Line(cut, "Widget Front Label"));
        Assert.Equal(("663", "0", "663", "1000"), Line(cut, "Resistor 10k 0603"));
        Assert.Equal(("62", "42", "20", "20"), Line(cut, "Battery Pack Li-Ion 2S"));
        Assert.Equal(("47", "47", "0", "0"), Line(cut, "Buck Converter IC 3A"));

        cut.Find("input[data-testid=replenish]").Change(false);

        cut.WaitForAssertion(() => Assert.Contains("Parts to order (19)", Tabs(cut)), Wait);
        Assert.Empty(cut.FindAll("[data-testid=parts-to-order] td[data-testid=replenishment]"));
    }

    private static (string ToOrder, string ForDemand, string Replenish, string Minimum) Line(IRenderedComponent<CalculatorPage> cut, string part)
    {
        var row = cut.FindAll("[data-testid=parts-to-order] tbody tr")
            .Single(tr => tr.QuerySelector("td[data-label='Part']")!.TextContent.Trim().StartsWith(part, StringComparison.Ordinal));
        string Cell(string label) => row.QuerySelector($"td[data-label='{label}']")!.TextContent.Trim();
        return (Cell("To order"), Cell("For demand"), Cell("Replenish"), Cell("Minimum"));
    }

    private static string Tabs(IRenderedComponent<CalculatorPage> cut) =>
        string.Join(" | ", cut.FindAll(".mud-tab").Select(t => t.TextContent.Trim()));
}
