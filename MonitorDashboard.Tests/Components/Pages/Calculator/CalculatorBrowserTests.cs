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

    [Fact]
    public async Task Uploading_a_parts_file_fills_the_rows_through_the_browser()
    {
        var chromium = browser.Browser;
        await using var app = await AppServer.StartAsync();
        var page = await BrowserPages.OpenSignedInAsync(chromium, app, "calculator", height: 1000);
        await Assertions.Expect(page.Locator("[data-testid=calculator][data-interactive=true]")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await BrowserPages.ChooseFileAsync(page.Locator("[data-testid=parts-file] input[type=file]"), new FilePayload
        {
            Name = "build.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("name,quantity,revision\n\"Master Assembly\",60\nWidget Assembly,5,B\n"),
        });

        await Assertions.Expect(page.GetByTestId("parts-file-loaded")).ToHaveTextAsync("Loaded 2 parts from build.csv", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("input[data-testid=part-input]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("input[data-testid=part-input]").Nth(1)).ToHaveValueAsync("Widget Assembly");
        await Assertions.Expect(page.Locator("input[data-testid=revision-input]").Nth(1)).ToHaveValueAsync("B");
    }
}
