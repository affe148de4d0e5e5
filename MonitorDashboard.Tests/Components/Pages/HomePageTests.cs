using Microsoft.Playwright;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Components.Pages;

/// <summary>The app started as a user starts it, with no configuration, looked at in a real browser.</summary>
public sealed class HomePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_first_start_without_configuration_shows_demo_mode_and_calculates_the_sample_lists()
    {
        var chromium = browser.Browser;
        await using var app = await AppServer.StartAsync();
        var page = await chromium.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });

        // No accounts configured: sign in with the URL the app printed, as a user copies it from the console.
        await page.GotoAsync((await app.WaitForSignInUrlAsync()).ToString());
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseAddress.ToString());

        await Assertions.Expect(page.GetByTestId("demo-banner")).ToContainTextAsync("Demo mode");
        var summaries = page.GetByTestId("list-summary");
        await Assertions.Expect(summaries).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Assertions.Expect(summaries.First).ToContainTextAsync("19 to order, 9 to build, 4 critical");
        await Assertions.Expect(page.GetByTestId("parts-to-order").First).ToContainTextAsync("Buck Converter IC 3A");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "home-demo.png"), FullPage = true });
    }
}
