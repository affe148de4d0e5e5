using Microsoft.Playwright;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Components.Layout;

/// <summary>The dashboard on a phone (390 × 844, an iPhone 12-14 screen) in a real browser.</summary>
public sealed class PhoneWidthBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int Width = 390;

    [Fact]
    public async Task At_phone_width_the_lists_and_the_app_bar_fit_the_screen_and_the_menu_opens_the_navigation()
    {
        var chromium = browser.Browser;
        await using var app = await AppServer.StartAsync();
        var page = await BrowserPages.OpenSignedInAsync(chromium, app, width: Width, height: 844);

        var row = page.Locator("tr.list-row").Filter(new() { HasText = "Field stations and widgets" });
        await Assertions.Expect(row.GetByTestId("status-chip")).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByTestId("run-now")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "lists-phone.png"), FullPage = true });

        // Nothing wider than the screen: no sideways scrolling to reach a list's actions.
        Assert.True(await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth") <= Width,
            "the page scrolls sideways at phone width");
        // The app bar keeps to one line: every control whole on screen, signing out an icon.
        await Assertions.Expect(page.GetByTestId("dark-mode-toggle")).ToBeInViewportAsync(new() { Ratio = 1 });
        await Assertions.Expect(page.GetByTestId("signout-compact")).ToBeInViewportAsync(new() { Ratio = 1 });
        await Assertions.Expect(page.GetByTestId("signout")).Not.ToBeVisibleAsync();
        // The navigation does not cover the lists until it is asked for.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Calculator" })).Not.ToBeInViewportAsync();
        await page.GetByLabel("Menu").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Calculator" })).ToBeInViewportAsync();

        // On a wide screen the user's name and a labelled button come back, and the icon goes.
        await page.SetViewportSizeAsync(1400, 900);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("signout")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("signout-compact")).Not.ToBeVisibleAsync();
    }
}
