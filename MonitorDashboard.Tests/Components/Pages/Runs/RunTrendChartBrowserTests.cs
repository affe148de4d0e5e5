using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Components.Pages.Runs;

/// <summary>
/// The trend chart of a list's history page and the lists page's sparkline in a real browser, over a history of ten
/// runs written into the app's database (two of them without a result), in light and dark mode and at phone width.
/// </summary>
[BrowserTests]
public sealed class RunTrendChartBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string ListId = "5bb71ec5-e745-4b09-8ffb-ab54aec98170"; // "Field stations and widgets" in presets.json
    private const int Runs = 10;
    private const int WithResults = 8;

    private static async Task SeedHistoryAsync(AppServer app)
    {
        var store = new SqliteRunHistory(Path.Combine(app.DataFolder, "data", "monitor.db"), () => 500, NullLogger.Instance);
        await using var _ = store;
        var start = DateTimeOffset.UtcNow.AddDays(-Runs);
        for (var day = 0; day < Runs; day++)
        {
            // Shortages growing then shrinking; days 3 and 7 failed or were missed: no result.
            var hasResult = day is not (3 or 7);
            var counts = new RunCounts(12 + 3 * day - (day > 5 ? 5 * (day - 5) : 0), 2 + day % 3, day / 3, 0, 0);
            var at = start.AddDays(day);
            await store.AddAsync(new RunRecord(new RunSummary(
                Guid.NewGuid(), ListId, "Field stations and widgets, weekday morning", RunTrigger.Schedule, at, at, at.AddSeconds(2),
                hasResult ? RunOutcome.Shortages : day == 3 ? RunOutcome.Failed : RunOutcome.Missed,
                hasResult ? counts : RunCounts.None, hasResult ? $"{day:x2}{new string('c', 62)}" : null, hasResult, null,
                hasResult ? null : "InvenTree unreachable", null), null, null, null), TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task The_history_chart_draws_a_point_per_run_with_a_result_in_light_dark_and_phone_width_and_the_lists_page_a_sparkline()
    {
        var chromium = browser.Browser;
        await using var app = await AppServer.StartAsync();
        await SeedHistoryAsync(app);
        var page = await BrowserPages.OpenSignedInAsync(chromium, app, $"lists/{ListId}/history", height: 1000);

        var chart = page.GetByTestId("trend-chart");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-runs", $"{Runs}");
        // One visible marker per run with a result in each of the three lines; the two others are gaps.
        await Assertions.Expect(chart.Locator(".mud-charts-line-series circle.mud-chart-point:not([opacity])")).ToHaveCountAsync(3 * WithResults);
        await Assertions.Expect(chart.Locator(".mud-charts-line-series path.mud-chart-line")).ToHaveCountAsync(3);
        await Assertions.Expect(chart.GetByTestId("trend-gaps")).ToContainTextAsync("2 without a result");
        await chart.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "history-trend-light.png") });

        await page.GetByTestId("dark-mode-toggle").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-theme-dark, html[data-theme=dark], body")).Not.ToHaveCountAsync(0);
        // Axis labels take the theme's text colour: light on the dark background, never the default black.
        await Assertions.Expect(chart.Locator(".mud-charts-yaxis text").First).Not.ToHaveCSSAsync("fill", "rgb(0, 0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "history-trend-dark.png"), FullPage = true });

        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(chart).ToBeInViewportAsync();
        var chartBox = await chart.BoundingBoxAsync();
        Assert.True(chartBox!.Width <= 390, $"the chart is {chartBox.Width} px wide on a 390 px screen");
        Assert.True(await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth") <= 390, "the history page scrolls sideways on a phone");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "history-trend-phone.png"), FullPage = true });

        await page.SetViewportSizeAsync(1400, 900);
        await page.GotoAsync(app.BaseAddress.ToString());
        var row = page.Locator("tr.list-row").Filter(new() { HasText = "Field stations and widgets" });
        await Assertions.Expect(row.GetByTestId("trend-sparkline")).ToHaveAttributeAsync("data-points", $"{Runs}");
        await Assertions.Expect(page.Locator("tr.list-row").Filter(new() { HasText = "Sensor heads" }).GetByTestId("trend-none")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "lists-trend.png"), FullPage = true });
    }
}
