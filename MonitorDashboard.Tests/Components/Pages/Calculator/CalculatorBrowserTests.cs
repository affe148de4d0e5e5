using Microsoft.Playwright;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Components.Pages.Calculator;

/// <summary>The calculator in the real app (demo mode, sample catalog), in a real browser.</summary>
[BrowserTests]
public sealed class CalculatorBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Calculating_master_assembly_shows_the_result_tables()
    {
        var chromium = browser.Browser;
        await using var app = await AppServer.StartAsync();
        var page = await BrowserPages.OpenSignedInAsync(chromium, app, "calculator", height: 1000);
        await Assertions.Expect(page.Locator("[data-testid=calculator][data-interactive=true]")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await page.GetByTestId("paste-text").FillAsync("Master Assembly:60");
        await page.GetByTestId("paste-add").ClickAsync();
        await Assertions.Expect(page.Locator("input[data-testid=part-input]").First).ToHaveValueAsync("Master Assembly");
        await page.GetByTestId("calculate").ClickAsync();

        await Assertions.Expect(page.GetByTestId("run-cost")).ToContainTextAsync("requests", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("parts-to-order")).ToContainTextAsync("Buck Converter IC 3A");
        await Assertions.Expect(page.GetByTestId("calc-error")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "calculator.png"), FullPage = true });
    }
}
