using System.Diagnostics;
using Microsoft.Playwright;

namespace MonitorDashboard.Benchmarks.Scale;

/// <summary>One visit to the lists page during the burst.</summary>
/// <param name="FirstRows">From navigating to the first list row being visible (the prerendered page).</param>
/// <param name="Interactive">From navigating to the Blazor circuit being connected (search and buttons work from then on).</param>
/// <param name="Search">From typing a list's name into the search as soon as the rows show (interactive or not yet) to
/// the table showing only that list.</param>
/// <param name="Failure">Why the visit did not finish (a wait ran out); the times not reached are then the visit's length, a lower bound.</param>
internal sealed record PageSample(TimeSpan FirstRows, TimeSpan Interactive, TimeSpan Search, string? Failure);

/// <summary>
/// The lists page in a real browser: Debian's Chromium through Playwright, headless, no browser download. Where
/// Chromium is not installed the page numbers are skipped, with the reason.
/// </summary>
internal sealed class PageProbe : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly float WaitMilliseconds = 30_000;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IBrowserContext _context;
    private readonly Uri _baseAddress;

    private PageProbe(IPlaywright playwright, IBrowser browser, IBrowserContext context, Uri baseAddress)
    {
        _playwright = playwright;
        _browser = browser;
        _context = context;
        _baseAddress = baseAddress;
    }

    public static string? Unavailable => File.Exists(ChromiumPath) ? null : $"Chromium not found at {ChromiumPath} (apt-get install chromium)";

    /// <summary>
    /// Signs in with the app's token URL and leaves the lists page open, connected, as a user watching the burst has it
    /// (it gets the live updates); the visits measured later are new tabs of the same session.
    /// </summary>
    public static async Task<PageProbe> StartAsync(Uri baseAddress, Uri signIn)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var probe = new PageProbe(playwright, browser, context, baseAddress);
        var watching = await context.NewPageAsync();
        await watching.GotoAsync(signIn.ToString());
        await watching.GotoAsync(baseAddress.ToString());
        await watching.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = WaitMilliseconds });
        return probe;
    }

    /// <summary>Opens the lists page in a new tab, waits for rows, searches for <paramref name="listName"/> at once, then notes when it became interactive.</summary>
    public async Task<PageSample> VisitAsync(string listName)
    {
        var page = await _context.NewPageAsync();
        var clock = Stopwatch.StartNew();
        TimeSpan? firstRows = null, interactive = null;
        var typed = new Stopwatch();
        try
        {
            await page.GotoAsync(_baseAddress.ToString(), new() { WaitUntil = WaitUntilState.Commit, Timeout = WaitMilliseconds });
            var rows = page.Locator("tr.list-row");
            await rows.First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = WaitMilliseconds });
            firstRows = clock.Elapsed;
            // A user types as soon as the rows show, interactive or not yet: the page must keep the text and answer it.
            typed.Start();
            await page.Locator("input[data-testid=list-search], [data-testid=list-search] input").FillAsync(listName);
            await Assertions.Expect(rows).ToHaveCountAsync(1, new() { Timeout = WaitMilliseconds });
            await Assertions.Expect(rows.First).ToContainTextAsync(listName, new() { Timeout = WaitMilliseconds });
            typed.Stop();
            await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = WaitMilliseconds });
            interactive = clock.Elapsed;
            return new PageSample(firstRows.Value, interactive.Value, typed.Elapsed, null);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            // What was not reached took at least as long as the visit lasted; a search could not even be typed before.
            var waited = clock.Elapsed;
            return new PageSample(firstRows ?? waited, interactive ?? waited, typed.IsRunning || typed.Elapsed > TimeSpan.Zero ? typed.Elapsed : waited,
                ex.Message.Split('\n')[0]);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
