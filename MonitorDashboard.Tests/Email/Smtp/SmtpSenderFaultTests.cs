using System.Text;
using Microsoft.Extensions.Logging;
using MonitorDashboard.Email;

namespace MonitorDashboard.Tests.Email.Smtp;

/// <summary>
/// The sender against <see cref="ScriptedSmtpServer"/> misbehaving in each way a real server can: stalls at every
/// stage end at the session deadline and are retried, 4xx is retried and 5xx is not, a dropped connection is retried
/// and heals, TLS and AUTH failures stop at once, a QUIT that hangs cannot undo a delivery, and the whole send has
/// a deadline. Deadlines and backoff run on fake time: nothing here waits for them.
/// </summary>
public sealed class SmtpSenderFaultTests(TestCertificateFixture tls) : IClassFixture<TestCertificateFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan SessionTimeout = new EmailOptions().SessionTimeout;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ScriptedSmtpServerOptions StartTlsWithAuth => new(TestServerSecurity.StartTls, tls.Certificate.Certificate, (EmailTestData.User, EmailTestData.Password));

    private static Task<ScriptedSmtpServer> StartAsync(ScriptedSmtpServerOptions options, SmtpFault fault) =>
        ScriptedSmtpServer.StartAsync(options).ContinueWith(t =>
        {
            t.Result.Fault = fault;
            return t.Result;
        }, TaskScheduler.Default);

    private SmtpSenderHarness Harness(ScriptedSmtpServer server, int maxRetries = 3)
    {
        var withTls = server.Options.Security != TestServerSecurity.None;
        var harness = new SmtpSenderHarness(server.Port,
            server.Options.Security switch
            {
                TestServerSecurity.StartTls => SmtpSecurity.StartTls,
                TestServerSecurity.ImplicitTls => SmtpSecurity.ImplicitTls,
                _ => SmtpSecurity.None,
            },
            withTls ? tls.Certificate.PemFile : null, withCredentials: server.Options.Credentials is not null);
        // MailKit's per-operation timeout runs on the real clock: far enough away that only fake time decides here.
        harness.Options.Timeout = TimeSpan.FromSeconds(30);
        harness.Options.MaxRetries = maxRetries;
        return harness;
    }

    private static void AssertNoSecret(SmtpSenderHarness harness, DeliveryResult result)
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{EmailTestData.User}\0{EmailTestData.Password}"));
        foreach (var text in new[] { result.Error ?? "", harness.AllLogText() })
        {
            Assert.DoesNotContain(EmailTestData.Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain(base64, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_healthy_scripted_server_takes_the_message_over_starttls_with_auth()
    {
        await using var server = await ScriptedSmtpServer.StartAsync(StartTlsWithAuth);
        var harness = Harness(server);

        var result = await harness.CreateSender().SendAsync(EmailTestData.Message(), Ct).WaitAsync(Deadline, Ct);

        Assert.Equal(DeliveryOutcome.Sent, result.Outcome);
        Assert.Equal((1, 1, 1), (server.Sessions, server.MessagesAccepted, server.AuthAttempts));
        var received = Assert.Single(server.Messages);
        Assert.Equal(result.MessageId, received.Message.MessageId);
        Assert.Equal(["buyer@example.com"], received.EnvelopeTo);
        Assert.Equal(EmailTestData.Subject, received.Message.Subject);
        await server.ReachedAsync(ScriptedStage.Quit);
    }

    public static TheoryData<SmtpFault, ScriptedStage, string> Stalls => new()
    {
        { SmtpFault.StallAfterGreeting, ScriptedStage.Ehlo, "stalled after its greeting, at EHLO" },
        { SmtpFault.StallInTlsHandshake, ScriptedStage.TlsStarting, "stalled in the TLS handshake" },
        { SmtpFault.StallInAuth, ScriptedStage.Auth, "stalled while authenticating" },
        { SmtpFault.StallAtMailFrom, ScriptedStage.MailFrom, "stalled at MAIL FROM/RCPT TO" },
        { SmtpFault.StallInData, ScriptedStage.DataEnd, "stalled while sending the message data" },
    };

    [Theory]
    [MemberData(nameof(Stalls))]
    public async Task A_stalled_session_ends_at_the_session_deadline_and_names_where_it_stalled(SmtpFault fault, ScriptedStage stage, string stalled)
    {
        await using var server = await StartAsync(StartTlsWithAuth, fault);
        var harness = Harness(server, maxRetries: 0);

        var sending = harness.CreateSender().SendAsync(EmailTestData.Message(), Ct);
        await server.ReachedAsync(stage);
        Assert.False(sending.IsCompleted);
        harness.Time.Advance(SessionTimeout);
        var result = await sending.WaitAsync(Deadline, Ct);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Equal($"SMTP server 127.0.0.1:{server.Port} did not finish the session within 2 min ({stalled})", result.Error);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(0, server.MessagesAccepted);
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Message.Contains("(transient)", StringComparison.Ordinal));
        AssertNoSecret(harness, result);
    }

    [Fact]
    public async Task A_stalled_implicit_tls_handshake_is_named_too()
    {
        await using var server = await StartAsync(new(TestServerSecurity.ImplicitTls, tls.Certificate.Certificate), SmtpFault.StallInTlsHandshake);
        var harness = Harness(server, maxRetries: 0);

        var sending = harness.CreateSender().SendAsync(EmailTestData.Message(), Ct);
        await server.ReachedAsync(ScriptedStage.TlsStarting);
        harness.Time.Advance(SessionTimeout);
        var result = await sending.WaitAsync(Deadline, Ct);

        Assert.Equal($"SMTP server 127.0.0.1:{server.Port} did not finish the session within 2 min (stalled in the TLS handshake)", result.Error);
    }

    [Fact]
    public async Task A_session_stalled_in_the_data_is_retried_after_its_deadline_and_delivered_once_the_server_heals()
    {
        await using var server = await StartAsync(StartTlsWithAuth, SmtpFault.StallInData);
        var harness = Harness(server);

        var sending = harness.CreateSender().SendAsync(EmailTestData.Message(), Ct);
        await server.ReachedAsync(ScriptedStage.DataEnd);
        harness.Time.Advance(SessionTimeout);
        var backoff = await harness.Time.NextTimerAsync();
        server.Heal();
        harness.Time.Advance(backoff);
        var result = await sending.WaitAsync(Deadline, Ct);

        Assert.Equal(DeliveryOutcome.Sent, result.Outcome);
        Assert.Null(result.Error);
        Assert.Equal(2, result.Attempts);
        Assert.Equal((2, 1), (server.Sessions, server.MessagesAccepted));
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains(
            $"SMTP server 127.0.0.1:{server.Port} did not finish the session within 2 min (stalled while sending the message data)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_that_stalls_every_session_is_given_up_when_the_send_timeout_runs_out()
    {
        await using var server = await StartAsync(new ScriptedSmtpServerOptions(), SmtpFault.StallAfterGreeting);
        var harness = Harness(server);
        var sendTimeout = harness.Options.SendTimeout;

        var sending = harness.CreateSender().SendAsync(EmailTestData.Message(), Ct);
        await server.ReachedAsync(ScriptedStage.Ehlo);
        harness.Time.Advance(SessionTimeout);
        var backoff = await harness.Time.NextTimerAsync();
        harness.Time.Advance(backoff);
        await server.ReachedAsync(ScriptedStage.Ehlo, times: 2);
        Assert.False(sending.IsCompleted);
        // The second session would have its own 2 min; the send's 3 min run out first.
        harness.Time.Advance(sendTimeout - SessionTimeout - backoff);
        var result = await sending.WaitAsync(Deadline, Ct);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(3), harness.Time.GetUtcNow() - EmailTestData.Now);
        Assert.Equal(
            $"SMTP server 127.0.0.1:{server.Port} did not finish before Email:SendTimeout (3 min) ran out (stalled after its greeting, at EHLO) (after 2 attempts)",
            result.Error);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task When_the_send_timeout_runs_out_during_a_backoff_the_last_failure_is_reported()
    {
        await using var server = await StartAsync(new ScriptedSmtpServerOptions(), SmtpFault.TempFailMailFrom);
        var harness = Harness(server, maxRetries: 10);
        harness.Options.SessionTimeout = TimeSpan.FromSeconds(10);
        harness.Options.SendTimeout = TimeSpan.FromSeconds(10);

        var sending = harness.CreateSender().SendAsync(EmailTestData.Message(), Ct);
        // Backoff from 2 s adds up to more than 10 s within four retries: advance until the next one would not fit.
        var elapsed = TimeSpan.Zero;
        var attempts = 0;
        while (true)
        {
            await server.ReachedAsync(ScriptedStage.MailFrom, ++attempts);
            var backoff = await harness.Time.NextTimerAsync();
            if (elapsed + backoff > harness.Options.SendTimeout)
            {
                harness.Time.Advance(harness.Options.SendTimeout - elapsed);
                break;
            }
            harness.Time.Advance(backoff);
            elapsed += backoff;
        }
        var result = await sending.WaitAsync(Deadline, Ct);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Equal(attempts, result.Attempts);
        Assert.InRange(attempts, 1, 5);
        Assert.StartsWith($"SMTP server 127.0.0.1:{server.Port} answered 451 ", result.Error, StringComparison.Ordinal);
        Assert.EndsWith($"(after {attempts} attempt{(attempts == 1 ? "" : "s")}; Email:SendTimeout (10 s) ran out before the next)", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SmtpFault.TempFailMailFrom, ScriptedStage.MailFrom)]
    [InlineData(SmtpFault.TempFailAfterData, ScriptedStage.DataEnd)]
    public async Task A_451_is_retried_and_delivered_once_the_server_heals(SmtpFault fault, ScriptedStage failsAt)
    {
        await using var server = await StartAsync(StartTlsWithAuth, fault);
        var harness = Harness(server);

        var sending = harness.CreateSender().SendAsync(EmailTestData.Message(), Ct);
        var backoff = await harness.Time.NextTimerAsync();
        Assert.Equal(1, server.Count(failsAt));
        server.Heal();
        harness.Time.Advance(backoff);
        var result = await sending.WaitAsync(Deadline, Ct);

        Assert.Equal(DeliveryOutcome.Sent, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Equal((2, 1), (server.Sessions, server.MessagesAccepted));
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Message.Contains($"127.0.0.1:{server.Port} answered 451 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_451_that_never_clears_fails_after_every_retry_naming_the_reply()
    {
        await using var server = await StartAsync(new ScriptedSmtpServerOptions(), SmtpFault.TempFailAfterData);
        var harness = Harness(server, maxRetries: 2);

        var sending = harness.CreateSender().SendAsync(EmailTestData.Message(), Ct);
        for (var retry = 0; retry < 2; retry++)
        {
            harness.Time.Advance(await harness.Time.NextTimerAsync());
        }
        var result = await sending.WaitAsync(Deadline, Ct);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Equal(
            $"SMTP server 127.0.0.1:{server.Port} answered 451 4.3.0 Temporary local problem, try again later (after 3 attempts)", result.Error);
        Assert.Equal((3, 3, 0), (result.Attempts, server.Count(ScriptedStage.DataEnd), server.MessagesAccepted));
    }

    [Fact]
    public async Task A_554_after_the_data_fails_at_once_without_a_retry()
    {
        await using var server = await StartAsync(StartTlsWithAuth, SmtpFault.RejectAfterData);
        var harness = Harness(server);

        var result = await harness.CreateSender().SendAsync(EmailTestData.Message(), Ct).WaitAsync(Deadline, Ct);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Equal($"SMTP server 127.0.0.1:{server.Port} answered 554 5.6.0 Message rejected by policy", result.Error);
        Assert.Equal((1, 1, 0), (result.Attempts, server.Sessions, server.MessagesAccepted));
        Assert.Equal(0, harness.Time.TimersArmed);
        Assert.All(result.Recipients, r => Assert.False(r.Accepted));
        AssertNoSecret(harness, result);
    }

    [Fact]
    public async Task A_connection_dropped_in_the_middle_of_the_data_is_retried_and_delivered_once_the_server_heals()
    {
        await using var server = await StartAsync(StartTlsWithAuth, SmtpFault.DropInData);
        var harness = Harness(server);

        var sending = harness.CreateSender().SendAsync(EmailTestData.Message(), Ct);
        var backoff = await harness.Time.NextTimerAsync();
        Assert.Equal((1, 0), (server.Count(ScriptedStage.Data), server.MessagesAccepted));
        server.Heal();
        harness.Time.Advance(backoff);
        var result = await sending.WaitAsync(Deadline, Ct);

        Assert.Equal(DeliveryOutcome.Sent, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Equal((2, 1), (server.Sessions, server.MessagesAccepted));
        var warning = Assert.Single(harness.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("(transient)", warning.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{server.Port}", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_QUIT_that_hangs_after_the_message_was_accepted_still_counts_as_sent_within_the_quit_deadline()
    {
        await using var server = await StartAsync(StartTlsWithAuth, SmtpFault.StallAtQuit);
        var harness = Harness(server);

        var sending = harness.CreateSender().SendAsync(EmailTestData.Message(), Ct);
        await server.ReachedAsync(ScriptedStage.Quit);
        Assert.False(sending.IsCompleted);
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        var result = await sending.WaitAsync(Deadline, Ct);

        Assert.Equal(DeliveryOutcome.Sent, result.Outcome);
        Assert.Null(result.Error);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(1, server.MessagesAccepted);
        Assert.Equal(0, harness.Time.TimersArmed);
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Level == LogLevel.Debug
            && r.Message == $"QUIT to SMTP server 127.0.0.1:{server.Port} did not complete and is ignored (the session's work was done): no answer within 5 s");
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
    }

    [Theory]
    [InlineData(TestServerSecurity.StartTls)]
    [InlineData(TestServerSecurity.ImplicitTls)]
    public async Task A_tls_handshake_cut_off_by_the_per_operation_timeout_is_named_as_a_timeout_and_retried(TestServerSecurity security)
    {
        await using var server = await StartAsync(new(security, tls.Certificate.Certificate), SmtpFault.StallInTlsHandshake);
        var harness = Harness(server, maxRetries: 1);
        // MailKit's per-operation timeout runs on the real clock; with the defaults (30 s against a 2 min session) it is
        // what ends a silent handshake. Short here, so it ends it long before the session's deadline (fake time).
        harness.Options.Timeout = TimeSpan.FromSeconds(2);

        var sending = harness.CreateSender().SendAsync(EmailTestData.Message(), Ct);
        var backoff = await harness.Time.NextTimerAsync();
        server.Heal();
        harness.Time.Advance(backoff);
        var result = await sending.WaitAsync(Deadline, Ct);

        Assert.Equal(DeliveryOutcome.Sent, result.Outcome);
        Assert.Equal((2, 1), (result.Attempts, server.MessagesAccepted));
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.EndsWith(
            $"failed (transient): TLS handshake with 127.0.0.1:{server.Port} did not finish within 2 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tls_handshake_broken_after_starttls_fails_at_once_naming_the_handshake()
    {
        await using var server = await StartAsync(StartTlsWithAuth, SmtpFault.BrokenTls);
        var harness = Harness(server);

        var result = await harness.CreateSender().SendAsync(EmailTestData.Message(), Ct).WaitAsync(Deadline, Ct);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.StartsWith($"TLS handshake with 127.0.0.1:{server.Port} failed: ", result.Error, StringComparison.Ordinal);
        Assert.Equal((1, 1, 0), (result.Attempts, server.Sessions, server.AuthAttempts));
        Assert.Equal(0, harness.Time.TimersArmed);
    }

    [Fact]
    public async Task A_certificate_nobody_trusts_fails_at_once_before_the_password_is_sent()
    {
        await using var server = await StartAsync(StartTlsWithAuth, SmtpFault.UntrustedCertificate);
        var harness = Harness(server);

        var result = await harness.CreateSender().SendAsync(EmailTestData.Message(), Ct).WaitAsync(Deadline, Ct);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.StartsWith($"certificate of 127.0.0.1:{server.Port} not trusted: CN=localhost", result.Error, StringComparison.Ordinal);
        Assert.Equal((1, 1, 0), (result.Attempts, server.Sessions, server.AuthAttempts));
        Assert.Equal(0, harness.Time.TimersArmed);
    }

    [Fact]
    public async Task A_rejected_auth_fails_at_once_and_the_password_the_server_echoed_is_not_repeated()
    {
        await using var server = await StartAsync(StartTlsWithAuth, SmtpFault.RejectAuth);
        var harness = Harness(server);

        var result = await harness.CreateSender().SendAsync(EmailTestData.Message(), Ct).WaitAsync(Deadline, Ct);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.StartsWith($"SMTP authentication failed for user planner at 127.0.0.1:{server.Port} (", result.Error, StringComparison.Ordinal);
        Assert.Contains("***", result.Error, StringComparison.Ordinal);
        Assert.Equal((1, 1, 0), (result.Attempts, server.AuthAttempts, server.MessagesAccepted));
        Assert.Equal(0, harness.Time.TimersArmed);
        AssertNoSecret(harness, result);
    }

    [Fact]
    public async Task The_callers_cancellation_ends_a_stalled_send_as_a_cancellation_not_as_a_failure()
    {
        await using var server = await StartAsync(StartTlsWithAuth, SmtpFault.StallInData);
        var harness = Harness(server);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var sending = harness.CreateSender().SendAsync(EmailTestData.Message(), caller.Token);
        await server.ReachedAsync(ScriptedStage.DataEnd);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending.WaitAsync(Deadline, Ct));
        Assert.Equal(0, harness.Time.TimersArmed);
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
    }
}
