using Microsoft.Playwright;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Components.Layout;

/// <summary>The dashboard on a phone (390 × 844, an iPhone 12-14 screen) in a real browser.</summary>
[BrowserTests]
public sealed class PhoneWidthBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int Width = 390;

    [Fact]
    public async Task At_phone_width_the_app_bar_fits_and_the_menu_opens_the_navigation()
    {
        var chromium = browser.Browser;
        await using var app = await AppServer.StartAsync();
        var page = await BrowserPages.OpenSignedInAsync(chromium, app, width: Width, height: 844);

        var row = page.Locator("tr.list-row").Filter(new() { HasText = "Field stations and widgets" });
        await Assertions.Expect(row.GetByTestId("status-chip")).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByTestId("run-now")).ToBeVisibleAsync();

        // The app bar keeps to one line: every control whole on screen, signing out an icon.
        await Assertions.Expect(page.GetByTestId("dark-mode-toggle")).ToBeInViewportAsync(new() { Ratio = 1 });
        await Assertions.Expect(page.GetByTestId("signout-compact")).ToBeInViewportAsync(new() { Ratio = 1 });
        await Assertions.Expect(page.GetByTestId("signout")).Not.ToBeVisibleAsync();
        // The navigation does not cover the lists until it is asked for. The drawer closes itself once the browser has
        // told the circuit how wide it is; a tap on Menu before that would toggle the not-yet-closed drawer shut.
        await Assertions.Expect(page.Locator("aside.mud-drawer")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--closed"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Calculator" })).Not.ToBeInViewportAsync();
        await page.GetByLabel("Menu").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Calculator" })).ToBeInViewportAsync();

        // On a wide screen the user's name and a labelled button come back, and the icon goes.
        await page.SetViewportSizeAsync(1400, 900);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("signout")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("signout-compact")).Not.ToBeVisibleAsync();
    }

    [Fact]
    public async Task Every_page_fits_a_phone_screen_without_sideways_scrolling()
    {
        var chromium = browser.Browser;
        await using var app = await AppServer.StartAsync();
        var page = await BrowserPages.OpenSignedInAsync(chromium, app, width: Width, height: 844);
        var row = page.Locator("tr.list-row").Filter(new() { HasText = "Field stations and widgets" });
        await row.GetByTestId("run-now").ClickAsync();
        await app.ExpectAsync(() => Assertions.Expect(row.GetByTestId("last-run")).ToBeVisibleAsync(new() { Timeout = AppServer.RunTimeoutMilliseconds }),
            "The run did not show");
        await row.GetByTestId("last-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-summary")).ToBeVisibleAsync();
        var runPath = new Uri(page.Url).AbsolutePath.TrimStart('/');
        var listId = await page.GetByTestId("history").GetAttributeAsync("href");

        var wider = new List<string>();
        foreach (var (path, name) in new[]
                 {
                     ("", "lists"), ("lists/new", "edit-list"), (runPath, "run-detail"), (listId!.TrimStart('/'), "run-history"),
                     ("calculator", "calculator"), ("status", "status"),
                 })
        {
            await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
            await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"phone-{name}.png"), FullPage = true });
            var scrollWidth = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth");
            if (scrollWidth > Width)
            {
                wider.Add($"/{path} is {scrollWidth} px wide");
            }
        }

        Assert.Empty(wider);
    }
}
