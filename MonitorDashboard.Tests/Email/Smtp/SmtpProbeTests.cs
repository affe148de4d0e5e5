using MonitorDashboard.Email;

namespace MonitorDashboard.Tests.Email.Smtp;

/// <summary>The probe behind the status page and /healthz: connect, TLS, EHLO, QUIT — never AUTH — and a report of what it saw.</summary>
public sealed class SmtpProbeTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("md-smtp-");
    private readonly TestCertificate _certificate;

    public SmtpProbeTests() => _certificate = TestCertificate.Create(_folder.FullName);

    public void Dispose()
    {
        _certificate.Dispose();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task A_healthy_starttls_server_reports_greeting_encryption_and_capabilities_without_authenticating()
    {
        await using var server = await SmtpTestServer.StartAsync(new(TestServerSecurity.StartTls, _certificate.Certificate, (EmailTestData.User, EmailTestData.Password)));
        var harness = new SmtpSenderHarness(server.Port, SmtpSecurity.StartTls, _certificate.PemFile, withCredentials: true);

        var probe = await harness.CreateProbe().ProbeAsync(TestContext.Current.CancellationToken);

        Assert.True(probe.Healthy, probe.Error);
        Assert.Equal((true, true, true, true), (probe.Configured, probe.Reachable, probe.Encrypted, probe.CredentialsConfigured));
        Assert.Equal($"127.0.0.1:{server.Port}", probe.Server);
        Assert.Equal(SmtpSecurity.StartTls, probe.Security);
        Assert.Contains("localhost", probe.Greeting, StringComparison.Ordinal);
        Assert.Contains(probe.Capabilities, c => c.StartsWith("AUTH ", StringComparison.Ordinal) && c.Contains("PLAIN", StringComparison.Ordinal));
        Assert.Equal((1, 0), (server.Sessions, server.AuthAttempts));
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task Probing_again_and_again_never_tries_the_password_so_a_wrong_one_cannot_lock_the_account()
    {
        await using var server = await SmtpTestServer.StartAsync(new(TestServerSecurity.ImplicitTls, _certificate.Certificate, (EmailTestData.User, EmailTestData.Password)));
        var harness = new SmtpSenderHarness(server.Port, SmtpSecurity.ImplicitTls, _certificate.PemFile, withCredentials: true, password: "wrong-Pa55word");
        var prober = harness.CreateProbe();

        for (var i = 0; i < 3; i++)
        {
            var probe = await prober.ProbeAsync(TestContext.Current.CancellationToken);
            Assert.True(probe.Healthy, probe.Error);
            Assert.True(probe.Encrypted);
        }

        Assert.Equal((3, 0), (server.Sessions, server.AuthAttempts));
        Assert.DoesNotContain("wrong-Pa55word", harness.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_credentials_a_server_that_offers_no_authentication_is_unhealthy_as_a_send_would_fail()
    {
        // A server that announces no AUTH after STARTTLS (the SmtpServer package always announces it).
        await using var server = await ScriptedSmtpServer.StartAsync(new(TestServerSecurity.StartTls, _certificate.Certificate));
        var harness = new SmtpSenderHarness(server.Port, SmtpSecurity.StartTls, _certificate.PemFile, withCredentials: true);

        var probe = await harness.CreateProbe().ProbeAsync(TestContext.Current.CancellationToken);

        Assert.False(probe.Healthy);
        Assert.True(probe.Reachable);
        Assert.True(probe.Encrypted);
        Assert.Equal($"SMTP server 127.0.0.1:{server.Port} offers no authentication mechanism a send could use with EMAIL_USERNAME (offered: none)", probe.Error);
        Assert.Equal(0, server.AuthAttempts);
    }

    [Fact]
    public async Task A_dead_server_is_unreachable()
    {
        var harness = new SmtpSenderHarness(SmtpTestServer.FreePort(), SmtpSecurity.None, caFile: null, withCredentials: false);

        var probe = await harness.CreateProbe().ProbeAsync(TestContext.Current.CancellationToken);

        Assert.False(probe.Reachable);
        Assert.False(probe.CredentialsConfigured);
        Assert.Contains("refused the connection", probe.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_stalls_after_the_greeting_is_unhealthy_at_the_session_deadline_and_says_where()
    {
        await using var server = await ScriptedSmtpServer.StartAsync();
        server.Fault = SmtpFault.StallAfterGreeting;
        var harness = new SmtpSenderHarness(server.Port, SmtpSecurity.None, caFile: null, withCredentials: false);
        harness.Options.Timeout = TimeSpan.FromSeconds(30);

        var probing = harness.CreateProbe().ProbeAsync(TestContext.Current.CancellationToken);
        await server.ReachedAsync(ScriptedStage.Ehlo);
        Assert.False(probing.IsCompleted);
        harness.Time.Advance(harness.Options.SessionTimeout);
        var probe = await probing.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.False(probe.Healthy);
        Assert.True(probe.Reachable);
        Assert.Equal($"SMTP server 127.0.0.1:{server.Port} did not finish the session within 2 min (stalled after its greeting, at EHLO)", probe.Error);
        Assert.Equal(TimeSpan.FromMinutes(2), probe.Elapsed);
    }

    [Fact]
    public async Task A_QUIT_that_hangs_holds_the_probe_no_longer_than_the_quit_deadline()
    {
        await using var server = await ScriptedSmtpServer.StartAsync(new(TestServerSecurity.StartTls, _certificate.Certificate, (EmailTestData.User, EmailTestData.Password)));
        server.Fault = SmtpFault.StallAtQuit;
        var harness = new SmtpSenderHarness(server.Port, SmtpSecurity.StartTls, _certificate.PemFile, withCredentials: true);
        harness.Options.Timeout = TimeSpan.FromSeconds(30);

        var probing = harness.CreateProbe().ProbeAsync(TestContext.Current.CancellationToken);
        await server.ReachedAsync(ScriptedStage.Quit);
        Assert.False(probing.IsCompleted);
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        var probe = await probing.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.True(probe.Healthy, probe.Error);
        Assert.True(probe.Encrypted);
        Assert.Equal((0, 0), (server.AuthAttempts, server.MessagesAccepted));
        Assert.DoesNotContain(EmailTestData.Password, harness.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_outbox_mode_there_is_nothing_to_probe()
    {
        var harness = new SmtpSenderHarness(1, SmtpSecurity.None, caFile: null, withCredentials: false);
        harness.Options.SmtpServer = null;

        var probe = await harness.CreateProbe().ProbeAsync(TestContext.Current.CancellationToken);

        Assert.False(probe.Configured);
        Assert.False(probe.Healthy);
    }
}
