using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace MonitorDashboard.Benchmarks.Scale;

/// <summary>One visit to the lists page during the burst.</summary>
/// <param name="FirstRows">From the start of the navigation to the frame that first paints a list row (the prerendered page).</param>
/// <param name="Interactive">From the start of the navigation to the frame that first paints the connected page (search and
/// buttons work from then on).</param>
/// <param name="Search">From the first keystroke of a list's name, typed into the search as soon as the rows show
/// (interactive or not yet), to the frame that paints the table showing only that list.</param>
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

    /// <summary>
    /// Opens the lists page in a new tab, waits for rows, searches for <paramref name="listName"/> at once, then notes when
    /// it became interactive. The times are the browser's own (<see cref="Timings"/>): on a machine the burst keeps busy,
    /// Playwright's polling from another process adds hundreds of milliseconds that no user sees; its waits only say when
    /// to read them.
    /// </summary>
    public async Task<PageSample> VisitAsync(string listName)
    {
        var page = await _context.NewPageAsync();
        await page.AddInitScriptAsync(Timings);
        var clock = Stopwatch.StartNew();
        try
        {
            await page.GotoAsync(_baseAddress.ToString(), new() { WaitUntil = WaitUntilState.Commit, Timeout = WaitMilliseconds });
            var rows = page.Locator("tr.list-row");
            await rows.First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = WaitMilliseconds });
            // A user types as soon as the rows show, interactive or not yet: the page must keep the text and answer it.
            await page.EvaluateAsync("name => window.__pageProbe.searchFor = name", listName);
            await page.Locator("input[data-testid=list-search], [data-testid=list-search] input").FillAsync(listName);
            await Assertions.Expect(rows).ToHaveCountAsync(1, new() { Timeout = WaitMilliseconds });
            await Assertions.Expect(rows.First).ToContainTextAsync(listName, new() { Timeout = WaitMilliseconds });
            await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = WaitMilliseconds });
            var t = JsonSerializer.Deserialize<BrowserTimes>(await page.EvaluateAsync<string>("() => JSON.stringify(window.__pageProbe)"), Web)!;
            if (t.FirstRows is not { } firstRows || t.Interactive is not { } interactive || t.Typed is not { } typedAt || t.Answered is not { } answered)
            {
                return Missed(clock.Elapsed, "the browser did not note every moment: " + JsonSerializer.Serialize(t));
            }
            return new PageSample(Ms(firstRows), Ms(interactive), Ms(answered - typedAt), null);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            return Missed(clock.Elapsed, ex.Message.Split('\n')[0] + "; " + await StateAtFailureAsync(page));
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    // What was not reached took at least as long as the visit lasted: the visit's length, a lower bound, for every time.
    private static PageSample Missed(TimeSpan waited, string why) => new(waited, waited, waited, why);

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    /// <summary>The moments <see cref="Timings"/> noted, in milliseconds since the tab began to navigate.</summary>
    private sealed record BrowserTimes(double? FirstRows, double? Interactive, double? Typed, double? Answered);

    /// <summary>
    /// Runs in each visiting tab before the page's own scripts: notes, on the browser's clock (performance.now(), from the start
    /// of the navigation), the frame that first paints a list row, the frame that first paints the connected page, the
    /// first keystroke into the search, and the frame that first paints the table showing only the searched list.
    /// A requestAnimationFrame callback runs just before its frame is painted, so it stands for the paint.
    /// </summary>
    private const string Timings = """
        (() => {
          const probe = window.__pageProbe = { firstRows: null, interactive: null, typed: null, answered: null, searchFor: null };
          const onFrame = (key) => requestAnimationFrame(() => { if (probe[key] === null) probe[key] = performance.now(); });
          let pending = {};
          const watch = () => {
            const rows = document.querySelectorAll("tr.list-row");
            const want = (key, seen) => { if (seen && probe[key] === null && !pending[key]) { pending[key] = true; onFrame(key); } };
            want("firstRows", rows.length > 0);
            want("interactive", document.querySelector("[data-testid=interactive]") !== null);
            want("answered", probe.typed !== null && probe.searchFor !== null && rows.length === 1 && rows[0].textContent.includes(probe.searchFor));
          };
          new MutationObserver(watch).observe(document, { childList: true, subtree: true, characterData: true });
          document.addEventListener("input", (e) => {
            if (probe.typed === null && e.target instanceof Element && e.target.closest("[data-testid=list-search]")) {
              probe.typed = performance.now();
              watch();
            }
          }, true);
        })();
        """;

    /// <summary>
    /// What the page showed when a wait ran out, to tell a circuit that never connected from a search that was lost or
    /// not answered: connected or not, the search field's text, and how many rows the table shows.
    /// </summary>
    private static async Task<string> StateAtFailureAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<string>("""
                () => {
                  const connected = document.querySelector("[data-testid=interactive]") !== null;
                  const field = document.querySelector("input[data-testid=list-search], [data-testid=list-search] input");
                  const rows = document.querySelectorAll("tr.list-row").length;
                  return `at the time: ${connected ? "connected" : "not connected"}, search field ${field ? JSON.stringify(field.value) : "missing"}, ${rows} row(s)`;
                }
                """);
        }
        catch (PlaywrightException ex)
        {
            return "the page's state could not be read: " + ex.Message.Split('\n')[0];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
