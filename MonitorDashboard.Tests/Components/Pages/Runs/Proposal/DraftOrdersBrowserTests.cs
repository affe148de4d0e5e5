using Microsoft.Playwright;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Components.Pages.Runs.Proposal;

/// <summary>
/// From a real run in the demo app to draft purchase orders in the embedded emulator, in a real browser: the
/// confirmation lists what will be created, the outcome line by line, and afterwards the page offers the orders instead.
/// </summary>
[BrowserTests]
public sealed class DraftOrdersBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string ListName = "Field stations and widgets";

    [Fact]
    public async Task An_admin_drafts_the_proposal_once_and_afterwards_the_page_offers_the_orders_instead()
    {
        var chromium = browser.Browser;
        await using var app = await AppServer.StartAsync();
        var page = await BrowserPages.OpenSignedInAsync(chromium, app, height: 1000);

        var row = page.Locator("tr.list-row").Filter(new() { HasText = ListName });
        await row.GetByTestId("run-now").ClickAsync();
        await app.ExpectAsync(() => Assertions.Expect(page.Locator(".mud-snackbar"))
            .ToContainTextAsync("report sent", new() { Timeout = AppServer.RunTimeoutMilliseconds }), "The run did not report");
        await row.GetByTestId("last-run").ClickAsync();
        await page.GetByTestId("proposal-link").ClickAsync();
        await app.ExpectAsync(() => Assertions.Expect(page.GetByTestId("draft-create"))
            .ToBeVisibleAsync(new() { Timeout = AppServer.RunTimeoutMilliseconds }), "The draft orders panel did not offer to create");

        await page.GetByTestId("draft-create").ClickAsync();
        var lines = page.GetByTestId("draft-confirm-line");
        await Assertions.Expect(lines.First).ToBeVisibleAsync();
        var planned = await lines.CountAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "draft-orders-confirm.png"), FullPage = true });
        await page.GetByTestId("draft-confirm-create").ClickAsync();

        await app.ExpectAsync(() => Assertions.Expect(page.GetByTestId("draft-outcome-line"))
            .ToHaveCountAsync(planned, new() { Timeout = AppServer.RunTimeoutMilliseconds }), "The outcome did not show every line");
        await Assertions.Expect(page.Locator("[data-testid=draft-outcome-line][data-result=Created]")).ToHaveCountAsync(planned);
        await Assertions.Expect(page.GetByTestId("draft-create")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "draft-orders-created.png"), FullPage = true });

        await page.ReloadAsync();
        await app.ExpectAsync(() => Assertions.Expect(page.GetByTestId("draft-existing-order").First)
            .ToBeVisibleAsync(new() { Timeout = AppServer.RunTimeoutMilliseconds }), "The created orders were not offered after a reload");
        await Assertions.Expect(page.GetByTestId("draft-create")).ToHaveCountAsync(0);
    }
}
