using System.Net;
using MonitorDashboard.Security;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Security;

/// <summary>The built app in its own process: token mode without accounts, and accounts from the environment.</summary>
[ProcessTests]
public sealed class SignInAppTests
{
    [Fact]
    public async Task Without_accounts_the_app_requires_sign_in_and_the_printed_token_url_signs_in_as_admin()
    {
        await using var app = await AppServer.StartAsync();
        var signInUrl = await app.WaitForSignInUrlAsync();
        using var anonymous = app.CreateClient();

        using var home = await anonymous.GetAsync("", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, home.StatusCode);
        Assert.Equal("/signin?ReturnUrl=%2F", home.Headers.Location!.PathAndQuery);
        using var hub = await anonymous.PostAsync("_blazor/negotiate?negotiateVersion=1", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, hub.StatusCode);

        using var signedIn = app.CreateClient();
        using var tokenResponse = await signedIn.GetAsync(signInUrl, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, tokenResponse.StatusCode);
        Assert.Equal("/", tokenResponse.Headers.Location!.OriginalString);
        var page = await signedIn.GetStringAsync("status", TestContext.Current.CancellationToken);
        Assert.Contains($"{SessionPrincipals.TokenUserName} <span class=\"mud-text-secondary\">(admin)</span>", page, StringComparison.Ordinal);
        using var hubSignedIn = await signedIn.PostAsync("_blazor/negotiate?negotiateVersion=1", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, hubSignedIn.StatusCode);
    }

    [Fact]
    public async Task The_token_works_until_the_app_stops_so_a_second_browser_can_use_it_and_a_wrong_one_fails()
    {
        await using var app = await AppServer.StartAsync();
        var signInUrl = await app.WaitForSignInUrlAsync();

        foreach (var _ in new[] { 1, 2 })
        {
            using var browser = app.CreateClient();
            using var response = await browser.GetAsync(signInUrl, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("", TestContext.Current.CancellationToken)).StatusCode);
        }
        using var stranger = app.CreateClient();
        using var wrong = await stranger.GetAsync("signin?token=" + new string('A', 43), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("not valid", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_appears_once_on_the_console_and_never_in_the_log_file()
    {
        await using var app = await AppServer.StartAsync();
        var signInUrl = await app.WaitForSignInUrlAsync();
        var token = signInUrl.Query["?token=".Length..];
        using (var client = app.CreateClient())
        {
            using var response = await client.GetAsync(signInUrl, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("", TestContext.Current.CancellationToken)).StatusCode);
        }
        var logFolder = Path.Combine(app.DataFolder, "logs");
        await Poll.UntilAsync(() => Directory.Exists(logFolder) && Directory.EnumerateFiles(logFolder).Any(), because: "the log file is written");

        Assert.Single(app.Output.Split('\n'), line => line.Contains(token, StringComparison.Ordinal));
        foreach (var file in Directory.EnumerateFiles(logFolder))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            Assert.DoesNotContain(token, await new StreamReader(stream).ReadToEndAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_accounts_an_address_for_all_interfaces_is_replaced_by_loopback_with_a_warning()
    {
        await using var app = await AppServer.StartAsync(urls: "http://0.0.0.0:0");

        Assert.Equal("127.0.0.1", app.BaseAddress.Host);
        await app.WaitForSignInUrlAsync();
        Assert.Contains("listens on 127.0.0.1 only instead of http://0.0.0.0:0", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Static_files_are_served_without_sign_in_and_carry_the_security_headers()
    {
        await using var app = await AppServer.StartAsync();
        using var client = app.CreateClient();

        foreach (var path in new[] { "_framework/blazor.web.js", "_content/MudBlazor/MudBlazor.min.css", "css/app.css" })
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            SecurityHeaderAssert.Present(response);
        }
    }

    [Fact]
    public async Task Accounts_from_the_environment_sign_in_by_password_and_a_viewer_sees_pages_as_a_viewer()
    {
        await using var app = await AppServer.StartAsync(new Dictionary<string, string?>
        {
            ["Auth__Accounts__0__UserName"] = "vera",
            ["Auth__Accounts__0__PasswordHash"] = PasswordHashing.Hash("viewer secret"),
            ["Auth__Accounts__0__Role"] = "viewer",
        });
        using var client = app.CreateClient();

        using var wrong = await SecurityTestHost.PostSignInAsync(client, "vera", "guess");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("Wrong user name or password.", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        await SecurityTestHost.SignInAsync(client, "vera", "viewer secret");
        var page = await client.GetStringAsync("status", TestContext.Current.CancellationToken);
        Assert.Contains("vera <span class=\"mud-text-secondary\">(viewer)</span>", page, StringComparison.Ordinal);
        Assert.Null(app.SignInUrl);
        Assert.DoesNotContain("?token=", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_account_stops_the_start_with_the_key_named()
    {
        var result = await AppProcess.RunAsync(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string?>
        {
            ["Auth__Accounts__0__UserName"] = "vera",
            ["Auth__Accounts__0__PasswordHash"] = "plain text",
            ["Auth__Accounts__0__Role"] = "boss",
        });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Auth:Accounts:0:PasswordHash is not a hash made by MonitorDashboard hash-password", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("Auth:Accounts:0:Role: \"boss\" is not a role (admin or viewer)", result.StdErr, StringComparison.Ordinal);
    }
}
