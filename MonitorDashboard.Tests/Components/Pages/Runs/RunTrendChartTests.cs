using Bunit;
using MonitorDashboard.Components.Pages.Runs;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Tests.Components.Pages.Runs;

/// <summary>The trend chart on a list's history page, with the real history (SQLite) behind it.</summary>
public sealed class RunTrendChartTests : IAsyncDisposable
{
    private readonly RunPagesContext _ctx = new();

    public ValueTask DisposeAsync() => _ctx.DisposeAsync();

    [Fact]
    public async Task The_chart_draws_a_point_per_run_with_a_result_in_each_of_its_three_lines_and_failed_runs_are_gaps()
    {
        // 5 runs: to order 1, 2, (failed), 4, 5 → 4 points per line, 12 in all; the failed run is one gap.
        _ctx.DefineList();
        await _ctx.AddAsync(
            RunPageData.Run(0, RunPageData.Result([RunPageData.Order(101, "M3 screw", 3)])),
            RunPageData.Run(60, RunPageData.Result([RunPageData.Order(101, "M3 screw", 3), RunPageData.Order(102, "Nut", 1)])),
            RunPageData.Failed(120, "InvenTree unreachable"),
            RunPageData.Run(180, RunPageData.Result([RunPageData.Order(101, "M3 screw", 3)], [RunPageData.Build(201, "Gadget", 2)])),
            RunPageData.Run(240, RunPageData.Result([])));

        var cut = _ctx.Bunit.Render<HistoryPage>(p => p.Add(x => x.ListId, RunPageData.ListId));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=trend-chart]")));
        var chart = cut.Find("[data-testid=trend-chart]");
        Assert.Equal(("5", "4"), (chart.GetAttribute("data-runs"), chart.GetAttribute("data-points")));
        Assert.Contains("1 without a result", chart.TextContent, StringComparison.Ordinal);
        // MudBlazor draws a visible marker per value (and an invisible, larger one to hover): 4 per line.
        Assert.Equal(12, chart.QuerySelectorAll(".mud-charts-line-series circle.mud-chart-point:not([opacity])").Length);
        var lines = chart.QuerySelectorAll(".mud-charts-line-series path.mud-chart-line").Select(p => p.GetAttribute("d")!).ToList();
        Assert.Equal(3, lines.Count);
        // Each line is two stretches: the failed run breaks it (a second "M"), it does not drop to zero.
        Assert.All(lines, d => Assert.Equal(2, d.Count(c => c == 'M')));
        Assert.Contains("To order", chart.TextContent, StringComparison.Ordinal);
        Assert.Contains("Critical", chart.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_whose_runs_all_failed_shows_no_chart_but_says_why()
    {
        _ctx.DefineList();
        await _ctx.AddAsync(RunPageData.Failed(0, "down"), RunPageData.Failed(60, "down"));

        var cut = _ctx.Bunit.Render<HistoryPage>(p => p.Add(x => x.ListId, RunPageData.ListId));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=trend-empty]")));
        Assert.Empty(cut.FindAll(".mud-chart"));
    }
}
