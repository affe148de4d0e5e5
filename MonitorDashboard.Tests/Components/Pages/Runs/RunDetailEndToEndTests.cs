using Microsoft.Playwright;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Components.Pages.Runs;

/// <summary>Run now in the demo app (emails go to the outbox), then the run's page and history in a real browser.</summary>
[BrowserTests]
public sealed class RunDetailEndToEndTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string ListName = "Field stations and widgets";

    [Fact]
    public async Task After_run_now_the_run_page_shows_the_outbox_delivery_and_the_email_preview_and_a_second_run_reports_no_change()
    {
        var chromium = browser.Browser;
        await using var app = await AppServer.StartAsync();
        var page = await BrowserPages.OpenSignedInAsync(chromium, app);

        var row = page.Locator("tr.list-row").Filter(new() { HasText = ListName });
        await row.GetByTestId("run-now").ClickAsync();
        await app.ExpectAsync(() => Assertions.Expect(page.Locator(".mud-snackbar"))
            .ToContainTextAsync("report sent to 2 recipients", new() { Timeout = AppServer.RunTimeoutMilliseconds }), "The run did not report");

        await row.GetByTestId("last-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("delivery-outcome")).ToHaveTextAsync("sent");
        await Assertions.Expect(page.GetByTestId("delivery-outbox")).ToContainTextAsync(".eml");
        await Assertions.Expect(page.GetByTestId("changes-first")).ToBeVisibleAsync();
        var frame = page.GetByTestId("email-html");
        await Assertions.Expect(frame).ToHaveAttributeAsync("sandbox", "allow-popups allow-popups-to-escape-sandbox");
        await Assertions.Expect(page.FrameLocator("iframe[data-testid=email-html]").Locator("h1")).ToContainTextAsync(ListName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "run-detail.png"), FullPage = true });
        // Chromium leaves an iframe below the fold blank in a full-page capture; the preview gets its own picture.
        await frame.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "run-detail-email.png") });
        var firstRunUrl = page.Url;

        // Run now from the run page: the demo data did not move, so on_change sends nothing, and the page opens the new run.
        await page.GetByTestId("run-now").ClickAsync();
        await app.ExpectAsync(() => Assertions.Expect(page.Locator(".mud-snackbar").Last)
            .ToContainTextAsync("no change, no email", new() { Timeout = AppServer.RunTimeoutMilliseconds }), "The second run did not report");
        await Assertions.Expect(page).Not.ToHaveURLAsync(firstRunUrl);
        await Assertions.Expect(page.GetByTestId("run-summary").GetByTestId("outcome-chip")).ToHaveTextAsync("no change, no email");
        await Assertions.Expect(page.GetByTestId("changes-none")).ToBeVisibleAsync();

        await page.GetByTestId("history").ClickAsync();
        await Assertions.Expect(page.Locator("tr.run-row")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "run-history.png"), FullPage = true });
    }
}
