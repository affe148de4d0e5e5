using MonitorDashboard.Cron;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Email;
using MonitorDashboard.Email.Smtp;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.Health;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Presets;
using MonitorDashboard.Tests.Email;
using MonitorDashboard.Tests.Email.Smtp;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.Health;

/// <summary>Each /healthz check against the real thing: a ticking or silent scheduler, a live or dead InvenTree and SMTP server, a broken file.</summary>
public sealed class HealthCheckTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("md-health-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static Task<HealthCheckResult> Run(IHealthCheck check) =>
        check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

    [Fact]
    public async Task The_scheduler_is_healthy_while_it_ticks_and_unhealthy_once_the_heartbeat_is_older_than_ten_seconds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.Zero));
        var state = new MonitorState(time, Options.Create(new ScheduleOptions()), NullLogger<MonitorState>.Instance);
        var check = new SchedulerHealthCheck(state, new MonitorDashboard.Monitoring.Checks.RunTracker(time), Options.Create(new MonitoringOptions()), time);

        Assert.Equal((HealthStatus.Unhealthy, "no scheduler tick yet"), await StatusAsync(check));
        state.Heartbeat();
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(HealthStatus.Healthy, (await Run(check)).Status);
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal((HealthStatus.Unhealthy, "no scheduler tick since 2025-03-03 08:00:00Z (12 s ago)"), await StatusAsync(check));
    }

    [Fact]
    public async Task InvenTree_is_healthy_with_its_version_while_it_answers_and_unhealthy_when_it_is_down()
    {
        var harness = await InvenTreeHarness.StartAsync();
        await using var _ = harness;
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.Zero));
        var check = new InvenTreeHealthCheck(harness.Client, harness.Services.GetRequiredService<IInvenTreeConnection>(), clock);

        var up = await Run(check);
        Assert.Equal(HealthStatus.Healthy, up.Status);
        Assert.Equal($"InvenTree 1.4.0 dev (API 479), {harness.Emulator.BaseAddress}api/", up.Description);

        await harness.Emulator.DisposeAsync();
        clock.Advance(ProbeCache.MaxAge);
        var down = await Run(check);
        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        Assert.DoesNotContain(harness.Emulator.Token, down.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvenTree_is_asked_at_most_every_thirty_seconds_however_often_health_is_read()
    {
        var harness = await InvenTreeHarness.StartAsync();
        await using var _ = harness;
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.Zero));
        var check = new InvenTreeHealthCheck(harness.Client, harness.Services.GetRequiredService<IInvenTreeConnection>(), clock);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Run(check)));
        clock.Advance(ProbeCache.MaxAge - TimeSpan.FromSeconds(1));
        await Run(check);
        Assert.Equal(1, harness.Emulator.RequestCount);

        clock.Advance(TimeSpan.FromSeconds(1));
        await Run(check);
        Assert.Equal(2, harness.Emulator.RequestCount);

        check.Invalidate();
        await Run(check);
        Assert.Equal(3, harness.Emulator.RequestCount);
    }

    [Fact]
    public async Task An_InvenTree_that_never_answers_is_unhealthy_once_the_checks_deadline_passes()
    {
        var harness = await InvenTreeHarness.StartAsync();
        await using var _ = harness;
        harness.Emulator.Faults.Hang = true;
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.Zero));
        var check = new InvenTreeHealthCheck(harness.Client, harness.Services.GetRequiredService<IInvenTreeConnection>(), clock);

        var running = Run(check);
        // The deadline is armed once the check has started; the clock moves until it fires.
        await Poll.UntilAsync(() =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return running.IsCompleted;
        });

        Assert.Equal((HealthStatus.Unhealthy, "InvenTree did not answer within 5 s"), Status(await running));
    }

    [Fact]
    public async Task Smtp_is_healthy_when_the_server_answers_and_degraded_when_it_does_not()
    {
        await using var server = await SmtpTestServer.StartAsync(new(TestServerSecurity.None));
        var up = await Run(SmtpCheck(new SmtpSenderHarness(server.Port, SmtpSecurity.None, caFile: null, withCredentials: false).Options));
        Assert.Equal((HealthStatus.Healthy, $"127.0.0.1:{server.Port} reachable"), (up.Status, up.Description));

        var down = await Run(SmtpCheck(new SmtpSenderHarness(SmtpTestServer.FreePort(), SmtpSecurity.None, caFile: null, withCredentials: false).Options));
        Assert.Equal(HealthStatus.Degraded, down.Status);
        Assert.False(string.IsNullOrEmpty(down.Description));
    }

    [Fact]
    public async Task Smtp_with_credentials_is_healthy_over_TLS_without_ever_authenticating()
    {
        using var certificate = TestCertificate.Create(_folder.FullName);
        await using var server = await SmtpTestServer.StartAsync(new(TestServerSecurity.StartTls, certificate.Certificate, (EmailTestData.User, EmailTestData.Password)));
        var check = SmtpCheck(new SmtpSenderHarness(server.Port, SmtpSecurity.StartTls, certificate.PemFile, withCredentials: true).Options);

        var up = await Run(check);
        check.Invalidate();
        await Run(check);

        Assert.Equal((HealthStatus.Healthy, $"127.0.0.1:{server.Port} reachable, TLS; authentication not tested by the probe"), (up.Status, up.Description));
        Assert.Equal(true, up.Data["credentials"]);
        Assert.False(up.Data.ContainsKey("authenticated"));
        Assert.Equal((2, 0), (server.Sessions, server.AuthAttempts));
    }

    [Theory]
    [InlineData(true, "outbox mode: /srv/outbox")]
    [InlineData(false, "email is globally disabled (GLOBAL_EMAIL_NOTIFICATIONS_ENABLED=false)")]
    public async Task Smtp_without_a_server_to_probe_is_healthy_and_says_why(bool enabled, string description)
    {
        var options = new EmailOptions { SmtpServer = enabled ? null : "smtp.invalid", OutboxFolder = "/srv/outbox", GlobalNotificationsEnabled = enabled };

        Assert.Equal((HealthStatus.Healthy, description), await StatusAsync(SmtpCheck(options)));
    }

    [Fact]
    public async Task A_broken_presets_file_is_unhealthy_with_line_and_column_and_a_good_one_is_healthy()
    {
        var path = Path.Combine(_folder.FullName, "presets.json");
        await File.WriteAllTextAsync(path, "{\n  \"monitoring_lists\": [ { \"id\": \"x\", }\n", TestContext.Current.CancellationToken);
        var store = new PresetsStore(Options.Create(new PresetsOptions { FilePath = path }),
            new MonitoringListValidator(Options.Create(new ScheduleOptions()), TimeProvider.System), TimeProvider.System, NullLogger<PresetsStore>.Instance);
        var check = new PresetsHealthCheck(store);

        var broken = await Run(check);
        Assert.Equal(HealthStatus.Unhealthy, broken.Status);
        Assert.Contains("line 2", broken.Description, StringComparison.OrdinalIgnoreCase);

        await File.WriteAllTextAsync(path, """{ "presets": [], "monitoring_lists": [] }""", TestContext.Current.CancellationToken);
        await store.LoadAsync(TestContext.Current.CancellationToken);
        Assert.Equal((HealthStatus.Healthy, $"{path}: 0 monitoring lists"), await StatusAsync(check));
    }

    private static async Task<(HealthStatus, string?)> StatusAsync(IHealthCheck check) => Status(await Run(check));

    private static (HealthStatus, string?) Status(HealthCheckResult result) => (result.Status, result.Description);

    private static SmtpHealthCheck SmtpCheck(EmailOptions options) =>
        new(new SmtpProbe(Options.Create(options), TimeProvider.System, NullLogger<SmtpProbe>.Instance), Options.Create(options), TimeProvider.System);
}
