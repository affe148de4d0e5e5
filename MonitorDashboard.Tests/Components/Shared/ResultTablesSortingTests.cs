using Bunit;
using MonitorDashboard.Components.Shared;
using MudBlazor.Services;
using static MonitorDashboard.Tests.Components.Pages.Runs.RunPageData;

namespace MonitorDashboard.Tests.Components.Shared;

public sealed class ResultTablesSortingTests : IAsyncDisposable
{
    private readonly BunitContext _ctx = new();

    public ResultTablesSortingTests()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Render<MudBlazor.MudPopoverProvider>();
    }

    private static IReadOnlyList<string> PartsInOrder(IRenderedComponent<ResultTables> cut) =>
        cut.FindAll("[data-testid=parts-to-order] tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToList();

    [Fact]
    public void Parts_to_order_sort_by_quantity_as_numbers_both_ways_and_by_name()
    {
        var cut = _ctx.Render<ResultTables>(p => p.Add(x => x.Result,
            Result([Order(1, "Bolt", 9), Order(2, "Anchor", 100), Order(3, "Clip", 20)])));
        Assert.Equal(["Bolt", "Anchor", "Clip"], PartsInOrder(cut));

        var toOrder = cut.FindAll("[data-testid=parts-to-order] th .mud-table-sort-label").Single(l => l.TextContent.Contains("To order", StringComparison.Ordinal));
        toOrder.Click();
        Assert.Equal(["Bolt", "Clip", "Anchor"], PartsInOrder(cut));

        cut.FindAll("[data-testid=parts-to-order] th .mud-table-sort-label").Single(l => l.TextContent.Contains("To order", StringComparison.Ordinal)).Click();
        Assert.Equal(["Anchor", "Clip", "Bolt"], PartsInOrder(cut));

        cut.FindAll("[data-testid=parts-to-order] th .mud-table-sort-label").Single(l => l.TextContent.Contains("Part", StringComparison.Ordinal)).Click();
        Assert.Equal(["Anchor", "Bolt", "Clip"], PartsInOrder(cut));
    }

    public ValueTask DisposeAsync() => _ctx.DisposeAsync();
}
