using MonitorDashboard.Email;

namespace MonitorDashboard.Tests.Email.Smtp;

/// <summary>A refused RCPT TO costs that recipient only; the others still get the message.</summary>
public sealed class SmtpRecipientOutcomeTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private static Task<SmtpTestServer> ServerRejecting(params string[] rejected) =>
        SmtpTestServer.StartAsync(new(TestServerSecurity.None, RejectRecipient: rejected.Contains));

    [Fact]
    public async Task One_rejected_recipient_is_a_partial_success_with_an_outcome_per_recipient()
    {
        await using var server = await ServerRejecting("gone@example.com");
        var harness = new SmtpSenderHarness(server.Port, SmtpSecurity.None, caFile: null, withCredentials: false);

        var result = await harness.CreateSender()
            .SendAsync(EmailTestData.Message("buyer@example.com", "gone@example.com", "planner@example.org"), TestContext.Current.CancellationToken)
            .WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.PartiallySent, result.Outcome);
        Assert.True(result.Accepted);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(
            [("buyer@example.com", true), ("gone@example.com", false), ("planner@example.org", true)],
            result.Recipients.Select(r => (r.Address, r.Accepted)));
        var rejected = result.Recipients[1];
        Assert.StartsWith("5", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("gone@example.com", result.Error, StringComparison.Ordinal);
        var received = await server.FirstMessageAsync();
        Assert.Equal(["buyer@example.com", "planner@example.org"], received.EnvelopeTo);
        // The header still names everyone the report was addressed to; only the envelope differs.
        Assert.Equal(3, received.Message.To.Count);
    }

    [Fact]
    public async Task Every_recipient_rejected_fails_without_a_retry()
    {
        await using var server = await ServerRejecting("gone@example.com", "left@example.com");
        var harness = new SmtpSenderHarness(server.Port, SmtpSecurity.None, caFile: null, withCredentials: false);

        var result = await harness.CreateSender()
            .SendAsync(EmailTestData.Message("gone@example.com", "left@example.com"), TestContext.Current.CancellationToken)
            .WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.All(result.Recipients, r => Assert.False(r.Accepted));
        Assert.All(result.Recipients, r => Assert.StartsWith("5", r.Reason, StringComparison.Ordinal));
        Assert.StartsWith($"SMTP server 127.0.0.1:{server.Port} rejected every recipient: gone@example.com (5", result.Error, StringComparison.Ordinal);
        Assert.Equal((1, 1, 0), (result.Attempts, server.Sessions, harness.Time.TimersArmed));
        Assert.Empty(server.Messages);
    }
}
