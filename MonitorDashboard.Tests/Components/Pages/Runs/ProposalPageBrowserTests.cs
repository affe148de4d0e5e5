using Microsoft.Playwright;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Components.Pages.Runs;

/// <summary>
/// Run now in the demo app, then from the run's page to its order proposal in a real browser: suppliers with lines and
/// totals, the parts without a supplier apart, in light and dark mode and at phone width.
/// </summary>
[BrowserTests]
public sealed class ProposalPageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string ListName = "Field stations and widgets";

    [Fact]
    public async Task From_a_real_run_the_proposal_page_groups_the_parts_by_supplier_in_light_dark_and_phone_width()
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

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/runs/[0-9a-f-]{36}/proposal$"));
        await app.ExpectAsync(() => Assertions.Expect(page.GetByTestId("proposal-view"))
            .ToBeVisibleAsync(new() { Timeout = AppServer.RunTimeoutMilliseconds }), "The proposal did not show");
        await Assertions.Expect(page.GetByTestId("proposal-title")).ToContainTextAsync(ListName);
        await Assertions.Expect(page.GetByTestId("chooser-rule")).ToContainTextAsync("primary supplier part");
        var groups = page.GetByTestId("supplier-group");
        Assert.True(await groups.CountAsync() >= 2, "the demo run's parts come from at least two suppliers");
        await Assertions.Expect(groups.First.GetByTestId("supplier-totals")).ToContainTextAsync("Total: ");
        await Assertions.Expect(groups.First.Locator("tbody tr").First.GetByTestId("line-packs")).Not.ToBeEmptyAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "proposal-light.png"), FullPage = true });

        await page.GetByTestId("dark-mode-toggle").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-theme-dark, html[data-theme=dark], body")).Not.ToHaveCountAsync(0);
        // The supplier's name takes the theme's text colour: light on the dark background, never the default black.
        await Assertions.Expect(groups.First.GetByTestId("supplier-name")).Not.ToHaveCSSAsync("color", "rgba(0, 0, 0, 0.87)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "proposal-dark.png"), FullPage = true });

        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(groups.First.Locator("tbody tr").First.GetByTestId("line-packs")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth") <= 390, "the proposal page scrolls sideways on a phone");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "proposal-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task An_unknown_run_shows_a_card_that_says_so()
    {
        var chromium = browser.Browser;
        await using var app = await AppServer.StartAsync();
        var page = await BrowserPages.OpenSignedInAsync(chromium, app, $"runs/{Guid.Empty}/proposal");

        await Assertions.Expect(page.GetByTestId("proposal-unavailable")).ToHaveAttributeAsync("data-status", "RunUnknown");
        await Assertions.Expect(page.GetByTestId("proposal-unavailable")).ToContainTextAsync("Run not found");
        await Assertions.Expect(page.GetByTestId("proposal-problem")).ToContainTextAsync("There is no run");
    }
}
