using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace MonitorDashboard.Tests.Security;

/// <summary>Sign-in, throttling, redirects, roles and headers over real HTTP against the app's security pipeline.</summary>
public sealed class SignInEndpointsTests : IAsyncLifetime
{
    private SecurityTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await SecurityTestHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Anonymous_requests_are_sent_to_the_sign_in_page_with_their_return_path()
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync("admin-only", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/signin?ReturnUrl=%2Fadmin-only", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_right_password_signs_in_and_returns_to_the_local_path()
    {
        using var client = _host.CreateClient();

        using var response = await SecurityTestHost.PostSignInAsync(client, "alice", SecurityTestHost.AdminPassword, "/admin-only");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/admin-only", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("MonitorDashboard.Session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("admin stuff", await client.GetStringAsync("admin-only", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task User_names_ignore_case()
    {
        using var client = _host.CreateClient();

        await SecurityTestHost.SignInAsync(client, "ALICE", SecurityTestHost.AdminPassword);

        Assert.Equal("hello alice", await client.GetStringAsync("", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example/path")]
    [InlineData("/\\evil.example")]
    public async Task A_return_url_to_another_site_is_refused_and_home_is_used(string returnUrl)
    {
        using var client = _host.CreateClient();

        using var response = await SecurityTestHost.PostSignInAsync(client, "alice", SecurityTestHost.AdminPassword, returnUrl);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("alice", "wrong")]
    [InlineData("nobody", SecurityTestHost.AdminPassword)]
    public async Task A_wrong_password_or_unknown_user_shows_the_form_again_with_one_message(string userName, string password)
    {
        using var client = _host.CreateClient();

        using var response = await SecurityTestHost.PostSignInAsync(client, userName, password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Wrong user name or password.", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"signin-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("MonitorDashboard.Session=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_three_failures_the_next_attempt_waits_a_second_and_is_refused_with_429_even_with_the_right_password()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SecurityTestHost.StartAsync(time: time);
        using var client = host.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var failed = await SecurityTestHost.PostSignInAsync(client, "alice", "guess " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var refused = await SecurityTestHost.PostSignInAsync(client, "alice", SecurityTestHost.AdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many failed attempts: try again in 1 s.", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter!.Delta);
        time.Advance(TimeSpan.FromSeconds(1));
        await SecurityTestHost.SignInAsync(client, "alice", SecurityTestHost.AdminPassword);
    }

    [Fact]
    public async Task Failing_from_one_client_address_does_not_stop_the_right_password_from_another()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SecurityTestHost.StartAsync(time: time);
        using var attacker = host.CreateClient(from: IPAddress.Parse("127.0.0.2"));
        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromMinutes(1)); // past every wait so far: each guess is checked
            using var attempt = await SecurityTestHost.PostSignInAsync(attacker, "alice", "guess " + i);
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }
        using var throttled = await SecurityTestHost.PostSignInAsync(attacker, "alice", "guess again");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);

        using var alice = host.CreateClient();
        await SecurityTestHost.SignInAsync(alice, "alice", SecurityTestHost.AdminPassword);

        Assert.Equal("hello alice", await alice.GetStringAsync("", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Successful_sign_ins_are_not_limited()
    {
        for (var i = 0; i < 7; i++)
        {
            using var client = _host.CreateClient();
            await SecurityTestHost.SignInAsync(client, "bob", SecurityTestHost.ViewerPassword);
        }
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var client = _host.CreateClient();

        using var response = await client.PostAsync("signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "alice",
            ["password"] = SecurityTestHost.AdminPassword,
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_viewer_can_open_pages_but_is_refused_the_admin_only_endpoint()
    {
        using var client = _host.CreateClient();
        await SecurityTestHost.SignInAsync(client, "bob", SecurityTestHost.ViewerPassword);

        Assert.Equal("hello bob", await client.GetStringAsync("", TestContext.Current.CancellationToken));
        using var refused = await client.GetAsync("admin-only", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, refused.StatusCode);
        Assert.StartsWith("/signin/denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var denied = await client.GetAsync(refused.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task Signing_out_needs_the_antiforgery_token_and_ends_the_session()
    {
        using var client = _host.CreateClient();
        await SecurityTestHost.SignInAsync(client, "alice", SecurityTestHost.AdminPassword);

        using var forged = await client.PostAsync("signout", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("", TestContext.Current.CancellationToken)).StatusCode);

        var fields = await SecurityTestHost.FormFieldsAsync(client);
        using var signedOut = await client.PostAsync("signout", new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await client.GetAsync("", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("signin")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        SecurityHeaderAssert.Present(response);
    }
}
