using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MonitorDashboard.Demo;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Monitoring.Health;
using MonitorDashboard.Security;
using MonitorDashboard.Tests.Email.Smtp;
using MonitorDashboard.Tests.Security;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.Health;

/// <summary>
/// /healthz of the real app process in front of an InvenTree emulator and a STARTTLS SMTP server with a user name:
/// anonymous callers learn the overall status and nothing else, from the cached report, at most 60 times a minute;
/// a signed-in user and a monitoring system with the token get every check.
/// </summary>
[ProcessTests]
public sealed class AnonymousHealthTests : IAsyncLifetime
{
    private const string SmtpUser = "planner-bot";
    private const string SmtpPassword = "smtp-pw-health";
    private const string Password = "health reader password";
    private const string WrongToken = "not-the-health-token-4711";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("md-healthz-");
    private TestCertificate _certificate = null!;
    private EmulatorServer _emulator = null!;
    private SmtpTestServer _smtp = null!;
    private AppServer _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _certificate = TestCertificate.Create(_folder.FullName);
        _emulator = await EmulatorServer.StartAsync(SampleCatalog.Load(), new EmulatorOptions { Token = "inv-token-healthz" }, Ct);
        _smtp = await SmtpTestServer.StartAsync(new(TestServerSecurity.StartTls, _certificate.Certificate, (SmtpUser, SmtpPassword)));
        var presets = Path.Combine(_folder.FullName, "presets.json");
        // No monitoring lists: nothing but the health probes talks to InvenTree or the mail server.
        await File.WriteAllTextAsync(presets, """{ "presets": [], "monitoring_lists": [] }""", Ct);
        _app = await AppServer.StartAsync(new Dictionary<string, string?>
        {
            ["INVENTREE_URL"] = _emulator.BaseAddress.ToString(),
            ["INVENTREE_API_TOKEN"] = _emulator.Token,
            ["EMAIL_SMTP_SERVER"] = "127.0.0.1",
            ["EMAIL_SMTP_PORT"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["EMAIL_USE_TLS"] = "true",
            ["EMAIL_USERNAME"] = SmtpUser,
            ["EMAIL_PASSWORD"] = SmtpPassword,
            ["EMAIL_SENDER_ADDRESS"] = "monitor@example.com",
            ["Email__CaCertificateFile"] = _certificate.PemFile,
            ["Auth__Accounts__0__UserName"] = "olga",
            ["Auth__Accounts__0__PasswordHash"] = PasswordHashing.Hash(Password),
            ["Auth__Accounts__0__Role"] = "viewer",
            // Anonymous callers reuse the token caller's report for the whole test, however slow the machine.
            ["Health__AnonymousCacheDuration"] = "01:00:00",
        }, presets);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        await _smtp.DisposeAsync();
        await _emulator.DisposeAsync();
        _certificate.Dispose();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task An_anonymous_caller_or_a_wrong_token_gets_only_the_status_while_the_token_and_a_signed_in_user_get_every_check()
    {
        using var monitoring = _app.CreateMonitoringClient();
        var detailed = await HealthyAsync(monitoring);
        using var anonymous = _app.CreateClient();
        using var wrong = _app.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WrongToken);
        using var signedIn = _app.CreateClient();
        await SecurityTestHost.SignInAsync(signedIn, "olga", Password);

        foreach (var client in new[] { anonymous, wrong })
        {
            using var response = await client.GetAsync("healthz", Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("""{"status":"Healthy"}""", body);
            Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            foreach (var secret in new[] { SmtpUser, "127.0.0.1", _smtp.Port.ToString(CultureInfo.InvariantCulture), _emulator.BaseAddress.Authority, _app.PresetsPath, _app.DataFolder, "presets.json" })
            {
                Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
            }
        }

        foreach (var body in new[] { detailed, await DetailedAsync(signedIn) })
        {
            var checks = Checks(body);
            Assert.Equal(["inventree", "presets", "scheduler", "smtp"], checks.Keys.Order());
            Assert.Equal($"127.0.0.1:{_smtp.Port} reachable, TLS; authentication not tested by the probe", checks["smtp"]);
            Assert.StartsWith($"InvenTree 1.4.0 dev (API 479), {_emulator.BaseAddress}api/", checks["inventree"], StringComparison.Ordinal);
            Assert.StartsWith(_app.PresetsPath, checks["presets"], StringComparison.Ordinal);
            Assert.True(body.GetProperty("totalMilliseconds").GetDouble() >= 0);
        }

        // The probe never tried the password; neither token reached the log.
        Assert.Equal(0, _smtp.AuthAttempts);
        Assert.DoesNotContain(WrongToken, _app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(AppServer.HealthToken, _app.Output, StringComparison.Ordinal);
        Assert.Contains("sent a bearer token that is not Health:Token", _app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flood_of_anonymous_callers_is_answered_from_the_cached_report_and_the_sixty_first_in_a_minute_gets_429()
    {
        using var monitoring = _app.CreateMonitoringClient();
        await HealthyAsync(monitoring);
        var (sessions, requests) = (_smtp.Sessions, _emulator.RequestCount);
        using var anonymous = _app.CreateClient();

        for (var i = 1; i <= HealthRateLimitPolicy.PermitsPerWindow; i++)
        {
            using var response = await anonymous.GetAsync("healthz", Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"request {i} got {(int)response.StatusCode}");
        }
        using var refused = await anonymous.GetAsync("healthz", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter > TimeSpan.Zero && retryAfter <= HealthRateLimitPolicy.Window, $"Retry-After: {refused.Headers.RetryAfter}");
        // Not one more connection to the mail server or request to InvenTree than the token caller's one evaluation.
        Assert.Equal((sessions, requests, 0), (_smtp.Sessions, _emulator.RequestCount, _smtp.AuthAttempts));
        // The monitoring system with the token is not limited.
        await DetailedAsync(monitoring);
    }

    /// <summary>Asks with the token until every check is healthy (the scheduler ticks within a second of start-up).</summary>
    private async Task<JsonElement> HealthyAsync(HttpClient monitoring) =>
        await Poll.UntilAsync(() => DetailedAsync(monitoring), b => b.GetProperty("status").GetString() == "Healthy",
            TimeSpan.FromSeconds(60), b => $"/healthz answered {b}. App output:\n{_app.Output}");

    private static async Task<JsonElement> DetailedAsync(HttpClient client)
    {
        using var response = await client.GetAsync("healthz", Ct);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    private static Dictionary<string, string> Checks(JsonElement body) =>
        body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("description").GetString() ?? "");
}
