using AngleSharp.Dom;
using Bunit;
using MonitorDashboard.Calculation;
using MudBlazor;
using CalculatorPage = MonitorDashboard.Components.Pages.Calculator.Calculator;

namespace MonitorDashboard.Tests.Components.Pages.Calculator;

/// <summary>
/// The calculator's "hide optional parts" filter, its "in production" rule and the required-for-orders columns, with
/// real services on the sample catalog (Demo/SAMPLE_CATALOG.md).
/// </summary>
public sealed class CalculatorInProductionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Hiding_optional_parts_drops_their_rows_without_a_new_calculation_and_leaves_the_other_rows_alone()
    {
        await using var harness = await CalculatorPageHarness.StartAsync();
        var cut = harness.Render();
        await CalculatorPageTests.PasteAndCalculateAsync(cut, "Master Assembly:60\nWidget Assembly@B:5");
        var before = Rows(cut, "parts-to-order");
        var optional = before.Where(r => r.Contains("optional", StringComparison.Ordinal)).ToList();
        Assert.Contains(optional, r => r.Contains("Relay 5V SPDT", StringComparison.Ordinal));
        var requests = harness.InvenTree.Emulator.Requests.Count;

        cut.Find("input[data-testid=hide-optional]").Change(true);

        cut.WaitForAssertion(() => Assert.Contains($"Parts to order ({before.Count - optional.Count})", Tabs(cut)), Wait);
        Assert.Equal(before.Except(optional), Rows(cut, "parts-to-order"));
        Assert.Equal(requests, harness.InvenTree.Emulator.Requests.Count);

        cut.Find("input[data-testid=hide-optional]").Change(false);

        cut.WaitForAssertion(() => Assert.Equal(before, Rows(cut, "parts-to-order")), Wait);
    }

    [Fact]
    public async Task Choosing_the_legacy_rule_recalculates_and_counts_the_stock_being_built()
    {
        await using var harness = await CalculatorPageHarness.StartAsync();
        var cut = harness.Render();
        await CalculatorPageTests.PasteAndCalculateAsync(cut, "Master Assembly:60");
        await ShowBuildsAsync(cut);
        // scheduled_to_build: BO1 (Production) 10 − 4 = 6.
        Assert.Equal("6", Cell(cut, "Master Assembly", "In production"));
        var requests = harness.InvenTree.Emulator.Requests.Count;
        var cost = RunRequests(cut);

        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<InProductionRule>>().Instance.OpenMenu());
        harness.Popovers!.WaitForElements(".mud-list-item", Wait)
            .First(i => i.TextContent.Contains("Legacy", StringComparison.Ordinal)).Click();

        // Legacy: 2 items being built + 6 still to make = 8; the same requests again plus the stock and build lists.
        cut.WaitForAssertion(() => Assert.Equal(cost + 2, RunRequests(cut)), Wait);
        Assert.Equal(requests + cost + 2, harness.InvenTree.Emulator.Requests.Count);
        await ShowBuildsAsync(cut);
        cut.WaitForAssertion(() => Assert.Equal("8", Cell(cut, "Master Assembly", "In production")), Wait);
        Assert.Contains(harness.InvenTree.Emulator.Requests, r => r.PathAndQuery.StartsWith("/api/stock/?is_building=true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Both_tables_show_what_build_and_sales_orders_require()
    {
        await using var harness = await CalculatorPageHarness.StartAsync();
        var cut = harness.Render();
        await CalculatorPageTests.PasteAndCalculateAsync(cut, "Master Assembly:60\nWidget Assembly@B:5");
        var expected = (await harness.InvenTree.Calculation.RunAsync(
            [new("Master Assembly", null, null, 60), new("Widget Assembly", "B", null, 5)], CalculationOptions.Default,
            Xunit.TestContext.Current.CancellationToken)).Result;

        var orders = cut.Find("[data-testid=parts-to-order]");
        Assert.Contains("Req. builds", orders.TextContent, StringComparison.Ordinal);
        Assert.Contains("Req. sales", orders.TextContent, StringComparison.Ordinal);
        Assert.Equal(expected.PartsToOrder.Select(o => Numbers.Format(o.RequiredForBuildOrders)),
            orders.QuerySelectorAll("td[data-testid=required-for-build-orders]").Select(td => td.TextContent.Trim()));
        Assert.Equal(expected.PartsToOrder.Select(o => Numbers.Format(o.RequiredForSalesOrders)),
            orders.QuerySelectorAll("td[data-testid=required-for-sales-orders]").Select(td => td.TextContent.Trim()));
        await ShowBuildsAsync(cut);
        var builds = cut.Find("[data-testid=subassemblies-to-build]");
        Assert.Equal(expected.SubassembliesToBuild.Select(b => Numbers.Format(b.RequiredForBuildOrders)),
            builds.QuerySelectorAll("td[data-testid=required-for-build-orders]").Select(td => td.TextContent.Trim()));
        Assert.Equal(expected.SubassembliesToBuild.Select(b => Numbers.Format(b.RequiredForSalesOrders)),
            builds.QuerySelectorAll("td[data-testid=required-for-sales-orders]").Select(td => td.TextContent.Trim()));
    }

    private static async Task ShowBuildsAsync(IRenderedComponent<CalculatorPage> cut)
    {
        await cut.InvokeAsync(() => cut.FindComponent<MudTabs>().Instance.ActivatePanelAsync(1));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=subassemblies-to-build]")), Wait);
    }

    private static string Cell(IRenderedComponent<CalculatorPage> cut, string rowText, string column) =>
        cut.FindAll("[data-testid=subassemblies-to-build] tbody tr")
            .Single(tr => tr.QuerySelector("td[data-label='Assembly']")!.TextContent.Trim().StartsWith(rowText, StringComparison.Ordinal)
                          && !tr.QuerySelector("td[data-label='Assembly']")!.TextContent.Contains("rev", StringComparison.Ordinal))
            .QuerySelector($"td[data-label='{column}']")!.TextContent.Trim();

    private static int RunRequests(IRenderedComponent<CalculatorPage> cut) =>
        int.Parse(cut.Find("[data-testid=run-cost]").TextContent.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Rows(IRenderedComponent<CalculatorPage> cut, string table) =>
        cut.FindAll($"[data-testid={table}] tbody tr").Select(tr => tr.TextContent.Trim()).ToList();

    private static string Tabs(IRenderedComponent<CalculatorPage> cut) =>
        string.Join(" | ", cut.FindAll(".mud-tab").Select(t => t.TextContent.Trim()));
}
