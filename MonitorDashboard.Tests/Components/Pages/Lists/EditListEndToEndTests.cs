using Microsoft.Playwright;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Components.Pages.Lists;

/// <summary>Creating a list through the form in a real browser, against the embedded sample catalog.</summary>
[BrowserTests]
public sealed class EditListEndToEndTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>MudBlazor puts unmatched attributes on the input itself for some fields and on a wrapper for others.</summary>
    private static ILocator Input(IPage page, string testId) => page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    private static ILocator Input(ILocator scope, string testId) => scope.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    [Fact]
    public async Task A_list_created_in_the_form_is_checked_as_typed_refused_while_invalid_and_saved_to_presets_json()
    {
        var chromium = browser.Browser;
        await using var app = await AppServer.StartAsync();
        var page = await BrowserPages.OpenSignedInAsync(chromium, app, "lists/new", height: 1100);

        await Input(page, "name-input").FillAsync("Gateway line <test> & co");
        var firstPart = page.GetByTestId("part-row").First;
        await Input(firstPart, "part-name").FillAsync("Master Assembly");
        await Assertions.Expect(firstPart.GetByTestId("part-lookup-chip")).ToHaveTextAsync("found");
        await Input(firstPart, "part-quantity").FillAsync("20");

        await page.GetByTestId("add-part").ClickAsync();
        var secondPart = page.GetByTestId("part-row").Nth(1);
        await Input(secondPart, "part-name").FillAsync("M3x8 Screw");
        await Assertions.Expect(secondPart.GetByTestId("part-lookup-chip")).ToHaveTextAsync("ambiguous (2)");
        await secondPart.GetByTestId("remove-part").ClickAsync();

        var cron = Input(page, "cron-input");
        await cron.FillAsync("*/2 * * * *");
        await Assertions.Expect(page.GetByTestId("cron-field")).ToContainTextAsync("more often than the minimum interval of 5 minutes");
        await Input(page, "recipient-input").FillAsync("planner@example.com");
        await Input(page, "recipient-input").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("recipient-chip")).ToHaveCountAsync(1);

        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("save-errors")).ToContainTextAsync("cron_schedule");
        Assert.DoesNotContain("Gateway line", await File.ReadAllTextAsync(app.PresetsPath, TestContext.Current.CancellationToken), StringComparison.Ordinal);

        await cron.FillAsync("0 6 1-7 * MON");
        await Assertions.Expect(page.GetByTestId("cron-warning")).ToContainTextAsync("BOTH");
        await Assertions.Expect(page.GetByTestId("cron-next-runs").Locator("li")).ToHaveCountAsync(5);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "edit-list.png"), FullPage = true });

        await page.Locator("label").Filter(new() { HasText = "Replenish to minimum stock" }).ClickAsync();
        await page.GetByTestId("save").ClickAsync();

        await Assertions.Expect(page.Locator("tr.list-row").Filter(new() { HasText = "Gateway line <test> & co" })).ToHaveCountAsync(1);
        var saved = await File.ReadAllTextAsync(app.PresetsPath, TestContext.Current.CancellationToken);
        Assert.Contains("\"Gateway line <test> & co\"", saved, StringComparison.Ordinal);
        Assert.Contains("\"0 6 1-7 * MON\"", saved, StringComparison.Ordinal);
        Assert.Contains("\"filepath\"", saved, StringComparison.Ordinal);
        Assert.Matches("\"replenish_to_minimum\":\\s*true", saved);
    }
}
