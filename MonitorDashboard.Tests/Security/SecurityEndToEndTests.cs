using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using MonitorDashboard.Security;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Security;

/// <summary>
/// Sessions over the real app, its real Blazor hub and real HTTP: an admin (ada) and a viewer (vera) signed in through
/// the form in Chromium. Each test starts its own app, so each can set the session timing it needs.
/// </summary>
[BrowserTests]
public sealed class SecurityEndToEndTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Admin = "ada";
    private const string Viewer = "vera";
    private const string Password = "a long enough password";
    private const string SessionCookie = "MonitorDashboard.Session";

    private static readonly Lazy<string> PasswordHash = new(() => PasswordHashing.Hash(Password));

    [Fact]
    public async Task Signing_out_in_one_tab_ends_the_other_open_dashboards_of_that_browser_at_once_and_no_other_session()
    {
        // Ten minutes between periodic checks: only the sign-out itself can end tab A within the test.
        await using var app = await StartAsync(("Auth__RevalidationInterval", "00:10:00"));
        var presets = await File.ReadAllBytesAsync(app.PresetsPath, TestContext.Current.CancellationToken);
        await using var shared = await NewContextAsync();
        var tabA = await SignInAsync(shared, app, Admin);
        await Assertions.Expect(tabA.GetByTestId("run-now")).ToHaveCountAsync(2);
        var tabB = await OpenAsync(shared, app, "calculator");
        await using var otherBrowser = await NewContextAsync();
        var other = await SignInAsync(otherBrowser, app, Admin);

        await tabB.GetByTestId("signout").ClickAsync();
        await tabB.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/signin");

        await app.ExpectAsync(() => Assertions.Expect(tabA.GetByTestId("session-ended"))
            .ToContainTextAsync("you signed out (in this or another tab)", new() { Timeout = 10_000 }), "Tab A did not lose access at the sign-out");
        await Assertions.Expect(tabA.GetByTestId("run-now")).ToHaveCountAsync(0);
        await Assertions.Expect(tabA.GetByTestId("sign-in-again")).ToBeVisibleAsync();
        // Shown by the open circuit, not by a reload (which would have been redirected to /signin).
        Assert.Equal("/", new Uri(tabA.Url).AbsolutePath);
        Assert.Equal(presets, await File.ReadAllBytesAsync(app.PresetsPath, TestContext.Current.CancellationToken));

        // The other browser's session was not signed out: its open page still acts (the run it starts rewrites
        // presets.json), and a new page still opens.
        await Assertions.Expect(other.GetByTestId("session-ended")).ToHaveCountAsync(0);
        var row = other.Locator("tr.list-row").Filter(new() { HasText = "Field stations and widgets" });
        await row.GetByTestId("run-now").ClickAsync();
        await app.ExpectAsync(() => Assertions.Expect(row.GetByTestId("status-chip"))
            .ToHaveAttributeAsync("data-status", "Shortages", new() { Timeout = AppServer.RunTimeoutMilliseconds }), "The other browser's run did not show");
        var again = await OpenAsync(otherBrowser, app, "");
        await Assertions.Expect(again.GetByTestId("signed-in-user")).ToContainTextAsync(Admin);
        await Assertions.Expect(again.GetByTestId("run-now")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task A_copied_session_cookie_is_refused_once_that_session_signed_out_though_the_cookie_has_not_expired()
    {
        await using var app = await StartAsync();
        await using var context = await NewContextAsync();
        var page = await SignInAsync(context, app, Admin);
        var cookies = new CookieContainer();
        foreach (var cookie in await context.CookiesAsync())
        {
            cookies.Add(new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }
        Assert.Contains(cookies.GetAllCookies(), c => c.Name == SessionCookie);
        using var copy = app.CreateClient(cookies);
        using (var before = await copy.GetAsync("", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await page.GetByTestId("signout").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/signin");

        using var after = await copy.GetAsync("", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
        Assert.Equal("/signin?ReturnUrl=%2F", after.Headers.Location!.PathAndQuery);
        using var hub = await copy.PostAsync("_blazor/negotiate?negotiateVersion=1", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, hub.StatusCode);
    }

    [Fact]
    public async Task An_open_dashboard_whose_session_expires_loses_access_at_the_next_periodic_check()
    {
        await using var app = await StartAsync(("Auth__RevalidationInterval", "00:00:02"), ("Auth__SessionLifetime", "00:00:08"));
        await WarmUpAsync(app);
        await using var context = await NewContextAsync();
        var page = await SignInAsync(context, app, Admin);
        await Assertions.Expect(page.GetByTestId("run-now")).ToHaveCountAsync(2);

        // No navigation: the circuit sends no cookie, so nothing renews the 8 s session; a 2 s check must notice.
        await app.ExpectAsync(() => Assertions.Expect(page.GetByTestId("session-ended"))
            .ToContainTextAsync("your session expired", new() { Timeout = 20_000 }), "The expired session kept its open dashboard");
        await Assertions.Expect(page.GetByTestId("run-now")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_viewer_signed_in_through_the_form_finds_no_control_that_changes_lists_or_presets()
    {
        await using var app = await StartAsync();
        var presets = await File.ReadAllBytesAsync(app.PresetsPath, TestContext.Current.CancellationToken);
        await using var context = await NewContextAsync();
        var page = await SignInAsync(context, app, Viewer);

        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("vera (viewer)");
        await Assertions.Expect(page.Locator("tr.list-row")).ToHaveCountAsync(2);
        foreach (var control in new[] { "run-now", "edit", "delete", "duplicate", "new-list" })
        {
            await Assertions.Expect(page.GetByTestId(control)).ToHaveCountAsync(0);
        }
        var switches = page.Locator("tr.list-row").GetByRole(AriaRole.Switch, new() { Name = "Active" });
        await Assertions.Expect(switches).ToHaveCountAsync(2);
        foreach (var toggle in await switches.AllAsync())
        {
            await Assertions.Expect(toggle).ToBeDisabledAsync();
        }

        foreach (var path in new[] { $"lists/{FirstListId(app)}/edit", "lists/new" })
        {
            var edit = await OpenAsync(context, app, path);
            await Assertions.Expect(edit.GetByText("Viewers can look at lists but not change them.")).ToBeVisibleAsync();
            await Assertions.Expect(edit.GetByTestId("save")).ToHaveCountAsync(0);
            await Assertions.Expect(edit.GetByTestId("name-input")).ToHaveCountAsync(0);
        }

        var calculator = await OpenAsync(context, app, "calculator");
        await Assertions.Expect(calculator.GetByTestId("preset-read-only")).ToBeVisibleAsync();
        await Assertions.Expect(calculator.GetByTestId("preset-save")).ToHaveCountAsync(0);
        await Assertions.Expect(calculator.GetByTestId("preset-delete")).ToHaveCountAsync(0);
        await Assertions.Expect(calculator.GetByTestId("preset-name")).ToHaveCountAsync(0);

        Assert.Equal(presets, await File.ReadAllBytesAsync(app.PresetsPath, TestContext.Current.CancellationToken));
    }

    private static Task<AppServer> StartAsync(params (string Key, string Value)[] settings)
    {
        var environment = new Dictionary<string, string?>
        {
            ["Auth__Accounts__0__UserName"] = Admin,
            ["Auth__Accounts__0__PasswordHash"] = PasswordHash.Value,
            ["Auth__Accounts__0__Role"] = "admin",
            ["Auth__Accounts__1__UserName"] = Viewer,
            ["Auth__Accounts__1__PasswordHash"] = PasswordHash.Value,
            ["Auth__Accounts__1__Role"] = "viewer",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }
        return AppServer.StartAsync(environment);
    }

    /// <summary>A browser of its own: pages of one context share cookies like tabs of one browser.</summary>
    private Task<IBrowserContext> NewContextAsync() =>
        browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });

    /// <summary>A new tab signed in through the form, on the lists page with its circuit live.</summary>
    private static async Task<IPage> SignInAsync(IBrowserContext context, AppServer app, string userName)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "signin").ToString());
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>A new tab of an already signed-in browser at <paramref name="path"/>, with its circuit live.</summary>
    private static async Task<IPage> OpenAsync(IBrowserContext context, AppServer app, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
        await WaitInteractiveAsync(page);
        return page;
    }

    // Prerendered pages show controls before the circuit is connected; only a live circuit hears a sign-out.
    private static Task WaitInteractiveAsync(IPage page) =>
        page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Renders the sign-in form and the lists page once, so the timed session of the test is not spent on the app's
    /// first-request compilation (its requests renew the cookie only after half of the 8 s lifetime).
    /// </summary>
    private static async Task WarmUpAsync(AppServer app)
    {
        using var client = app.CreateClient();
        await SecurityTestHost.SignInAsync(client, Viewer, Password);
        using var home = await client.GetAsync("", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    private static string FirstListId(AppServer app)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(app.PresetsPath));
        return json.RootElement.GetProperty("monitoring_lists")[0].GetProperty("id").GetString()!;
    }
}
