using MonitorDashboard.Email;

namespace MonitorDashboard.Tests.Email.Smtp;

/// <summary>
/// What is retried (the server is down) and what fails at once (wrong password, untrusted certificate), with
/// messages a user can act on. Backoff delays run on fake time: no test waits for them.
/// </summary>
public sealed class SmtpEmailSenderFailureTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("md-smtp-");
    private readonly TestCertificate _certificate;

    public SmtpEmailSenderFailureTests() => _certificate = TestCertificate.Create(_folder.FullName);

    public void Dispose()
    {
        _certificate.Dispose();
        _folder.Delete(recursive: true);
    }

    private SmtpTestServerSettings StartTlsWithAuth => new(TestServerSecurity.StartTls, _certificate.Certificate, (EmailTestData.User, EmailTestData.Password));

    [Fact]
    public async Task A_wrong_password_fails_at_once_with_a_clear_error_and_no_retry()
    {
        await using var server = await SmtpTestServer.StartAsync(StartTlsWithAuth);
        var harness = new SmtpSenderHarness(server.Port, SmtpSecurity.StartTls, _certificate.PemFile, withCredentials: true, password: "wrong-Pa55word");

        var result = await harness.CreateSender().SendAsync(EmailTestData.Message(), TestContext.Current.CancellationToken).WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.False(result.Accepted);
        Assert.StartsWith($"SMTP authentication failed for user planner at 127.0.0.1:{server.Port} (", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, result.Attempts);
        Assert.Equal((1, 1), (server.Sessions, server.AuthAttempts));
        Assert.Equal(0, harness.Time.TimersArmed);
        Assert.Empty(server.Messages);
        Assert.DoesNotContain("wrong-Pa55word", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-Pa55word", harness.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_not_signed_by_a_trusted_ca_fails_at_once()
    {
        await using var server = await SmtpTestServer.StartAsync(StartTlsWithAuth);
        var harness = new SmtpSenderHarness(server.Port, SmtpSecurity.StartTls, caFile: null, withCredentials: true);

        var result = await harness.CreateSender().SendAsync(EmailTestData.Message(), TestContext.Current.CancellationToken).WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.StartsWith($"certificate of 127.0.0.1:{server.Port} not trusted: CN=localhost", result.Error, StringComparison.Ordinal);
        Assert.Contains("UntrustedRoot", result.Error, StringComparison.Ordinal);
        Assert.Contains("set Email:CaCertificateFile", result.Error, StringComparison.Ordinal);
        Assert.Equal((1, 1, 0), (result.Attempts, server.Sessions, server.AuthAttempts));
        Assert.Equal(0, harness.Time.TimersArmed);
    }

    [Fact]
    public async Task A_server_that_comes_up_during_the_backoff_gets_the_message()
    {
        var port = SmtpTestServer.FreePort();
        var harness = new SmtpSenderHarness(port, SmtpSecurity.StartTls, _certificate.PemFile, withCredentials: true);

        var sending = harness.CreateSender().SendAsync(EmailTestData.Message(), TestContext.Current.CancellationToken);
        var backoff = await harness.Time.NextTimerAsync();
        await using var server = await SmtpTestServer.StartAsync(StartTlsWithAuth, port);
        harness.Time.Advance(backoff);
        var result = await sending.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Sent, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Single(server.Messages);
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Message.Contains("refused the connection", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_that_stays_down_is_retried_after_backoff_delays_then_named_in_the_error()
    {
        var port = SmtpTestServer.FreePort();
        var harness = new SmtpSenderHarness(port, SmtpSecurity.None, caFile: null, withCredentials: false);

        var sending = harness.CreateSender().SendAsync(EmailTestData.Message(), TestContext.Current.CancellationToken);
        var delays = new List<TimeSpan>();
        for (var retry = 0; retry < harness.Options.MaxRetries; retry++)
        {
            delays.Add(await harness.Time.NextTimerAsync());
            harness.Time.Advance(delays[^1]);
        }
        var result = await sending.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Equal($"SMTP server 127.0.0.1:{port} refused the connection (after 4 attempts)", result.Error);
        Assert.Equal(4, result.Attempts);
        // Decorrelated jitter: the schedule grows exponentially on average, single delays need not increase.
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromTicks(1), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task The_circuit_opens_after_the_threshold_fails_fast_and_closes_when_the_server_is_back()
    {
        var port = SmtpTestServer.FreePort();
        var harness = new SmtpSenderHarness(port, SmtpSecurity.None, caFile: null, withCredentials: false);
        harness.Options.MaxRetries = 0;
        harness.Options.CircuitBreakerFailureThreshold = 2;
        harness.Options.CircuitBreakerBreakDuration = TimeSpan.FromMinutes(1);
        var sender = harness.CreateSender();
        var ct = TestContext.Current.CancellationToken;

        var first = await sender.SendAsync(EmailTestData.Message(), ct).WaitAsync(Deadline, TestContext.Current.CancellationToken);
        var second = await sender.SendAsync(EmailTestData.Message(), ct).WaitAsync(Deadline, TestContext.Current.CancellationToken);
        await using var server = await SmtpTestServer.StartAsync(new(TestServerSecurity.None), port);
        var whileOpen = await sender.SendAsync(EmailTestData.Message(), ct).WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.All([first, second], r => Assert.Equal($"SMTP server 127.0.0.1:{port} refused the connection", r.Error));
        Assert.Equal(DeliveryOutcome.Failed, whileOpen.Outcome);
        Assert.Equal("SMTP circuit open after 2 failures; next attempt after 2025-03-14 09:27:53 UTC", whileOpen.Error);
        Assert.Equal(0, whileOpen.Attempts);
        Assert.Equal(0, server.Sessions);

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var afterBreak = await sender.SendAsync(EmailTestData.Message(), ct).WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Sent, afterBreak.Outcome);
        Assert.Single(server.Messages);
    }

    [Fact]
    public async Task A_server_that_accepts_but_never_greets_times_out_as_a_transient_failure()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        var harness = new SmtpSenderHarness(port, SmtpSecurity.None, caFile: null, withCredentials: false);
        harness.Options.MaxRetries = 0;
        harness.Options.Timeout = TimeSpan.FromMilliseconds(300);

        var result = await harness.CreateSender().SendAsync(EmailTestData.Message(), TestContext.Current.CancellationToken).WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Equal($"SMTP server 127.0.0.1:{port} did not answer within 0.3 s", result.Error);
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Message.Contains("(transient)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Credentials_are_never_sent_over_a_plain_connection_unless_allowed()
    {
        await using var server = await SmtpTestServer.StartAsync(new(TestServerSecurity.None));
        var harness = new SmtpSenderHarness(server.Port, SmtpSecurity.None, caFile: null, withCredentials: true);

        var result = await harness.CreateSender().SendAsync(EmailTestData.Message(), TestContext.Current.CancellationToken).WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Contains("Email:AllowPlainTextAuth", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, server.Sessions);
    }
}
