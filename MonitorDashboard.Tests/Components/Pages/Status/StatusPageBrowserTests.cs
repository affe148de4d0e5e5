using Microsoft.Playwright;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Components.Pages.Status;

/// <summary>Signing in with the printed URL and reading the status page, in Chromium, against the app as users start it.</summary>
[BrowserTests]
public sealed class StatusPageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_token_url_signs_in_and_the_status_page_shows_demo_mode_inventree_and_the_outbox()
    {
        var chromium = browser.Browser;
        await using var app = await AppServer.StartAsync();
        var page = await chromium.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1100 } });

        await page.GotoAsync(app.BaseAddress + "status");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\?ReturnUrl=%2Fstatus$"));
        await Assertions.Expect(page.GetByTestId("signin-form")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "signin.png") });

        await page.GotoAsync((await app.WaitForSignInUrlAsync()).ToString());
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseAddress.ToString());
        await Assertions.Expect(page.GetByText("Monitoring lists").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("local admin");

        // The probes run only once the circuit is up, so their results show that the WebSocket passes the CSP.
        await page.GotoAsync(app.BaseAddress + "status");
        await Assertions.Expect(page.GetByTestId("demo-mode")).ToContainTextAsync("Demo mode");
        await Assertions.Expect(page.GetByTestId("inventree-status")).ToContainTextAsync("reachable", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("inventree-version")).ToContainTextAsync("InvenTree 1.");
        await Assertions.Expect(page.GetByTestId("smtp-status")).ToContainTextAsync("outbox");
        await Assertions.Expect(page.GetByTestId("scheduler-heartbeat")).ToContainTextAsync("alive", new() { Timeout = 10_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "status.png"), FullPage = true });

        await page.GetByTestId("signout").ClickAsync();
        await Assertions.Expect(page.GetByTestId("signin-form")).ToBeVisibleAsync();
    }
}
