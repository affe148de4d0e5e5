using Microsoft.Playwright;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download). Tests that need it are skipped with a
/// reason where /usr/bin/chromium is not installed; CI installs it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser
    {
        get
        {
            Assert.SkipWhen(_browser is null, $"Chromium not found at {ChromiumPath} (apt-get install chromium)");
            return _browser!;
        }
    }

    /// <summary>Screenshots of the main pages go here for people to look at (test-output/screenshots).</summary>
    public static string ScreenshotFolder
    {
        get
        {
            var folder = Path.Combine(TestPaths.RepoRoot, "test-output", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }
        // Every expectation here waits on a separate app process (a Debug build, each path JIT-compiled on first use)
        // while the rest of the suite keeps the cores busy; 5 s, Playwright's default, proved too short for a first
        // part lookup on a loaded 2-core machine. Passing expectations still return as soon as they hold.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // This machine has no network beyond loopback: keep Chromium from trying.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
