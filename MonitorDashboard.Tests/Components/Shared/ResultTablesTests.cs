using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MonitorDashboard.Calculation;
using MonitorDashboard.Components.Shared;
using MonitorDashboard.Email.Templates;
using MudBlazor;
using MudBlazor.Services;

namespace MonitorDashboard.Tests.Components.Shared;

public sealed class ResultTablesTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    private static readonly CalculationResult Result = new(
        [Order(160, "LTE Modem", 44), Order(132, "Buck Converter", 47), Order(183, "Cable Gland", 258)],
        [], [new CriticalPart(164, "Battery Pack", "BAT", 14, 6, 20)], [], []);

    public ResultTablesTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Render<MudPopoverProvider>();
    }

    private static OrderRow Order(int pk, string name, decimal toOrder) =>
        new(pk, name, null, null, false, false, toOrder, 0, 0, 0, 0, 0, toOrder, ["Master Assembly"], []);

    [Fact]
    public void Rows_keep_the_calculation_order_until_a_column_is_clicked()
    {
        var cut = _context.Render<ResultTables>(p => p.Add(x => x.Result, Result));
        Assert.Equal(["LTE Modem", "Buck Converter", "Cable Gland"], Names(cut));

        SortBy(cut, "Part");
        cut.WaitForAssertion(() => Assert.Equal(["Buck Converter", "Cable Gland", "LTE Modem"], Names(cut)));

        SortBy(cut, "To order");
        cut.WaitForAssertion(() => Assert.Equal(["LTE Modem", "Buck Converter", "Cable Gland"], Names(cut)));
    }

    [Fact]
    public void Without_links_part_names_are_plain_text() =>
        Assert.Empty(_context.Render<ResultTables>(p => p.Add(x => x.Result, Result)).FindAll("a[data-testid=part-link]"));

    [Theory]
    [InlineData("https://inventree.example.com/", "https://inventree.example.com/web/part/160/")]
    [InlineData("javascript:alert(1)", null)]
    public void Part_names_link_to_InvenTree_only_for_an_http_instance_URL(string instanceUrl, string? expected)
    {
        var cut = _context.Render<ResultTables>(p => p.Add(x => x.Result, Result).Add(x => x.Links, new PartLinks(instanceUrl)));

        var links = cut.FindAll("a[data-testid=part-link]").Select(a => a.GetAttribute("href")).ToList();

        if (expected is null)
        {
            Assert.Empty(links);
        }
        else
        {
            Assert.Contains(expected, links);
            Assert.Equal(3, links.Count);
        }
    }

    private static void SortBy(IRenderedComponent<ResultTables> cut, string column) =>
        cut.FindAll("[data-testid=parts-to-order] th .mud-table-sort-label").Single(l => l.TextContent.Trim() == column).Click();

    private static List<string> Names(IRenderedComponent<ResultTables> cut) =>
        cut.FindAll("[data-testid=parts-to-order] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
