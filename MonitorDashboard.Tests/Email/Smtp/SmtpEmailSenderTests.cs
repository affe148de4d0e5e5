using MonitorDashboard.Email;

namespace MonitorDashboard.Tests.Email.Smtp;

/// <summary>Delivery to a real SMTP server on loopback in each security mode, certificate validation on.</summary>
public sealed class SmtpEmailSenderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("md-smtp-");
    private readonly TestCertificate _certificate;

    public SmtpEmailSenderTests() => _certificate = TestCertificate.Create(_folder.FullName);

    public void Dispose()
    {
        _certificate.Dispose();
        _folder.Delete(recursive: true);
    }

    [Theory]
    [InlineData(TestServerSecurity.StartTls, SmtpSecurity.StartTls)]
    [InlineData(TestServerSecurity.ImplicitTls, SmtpSecurity.ImplicitTls)]
    public async Task Tls_with_authentication_delivers_through_the_private_ca(TestServerSecurity serverMode, SmtpSecurity senderMode)
    {
        await using var server = await SmtpTestServer.StartAsync(new(serverMode, _certificate.Certificate, (EmailTestData.User, EmailTestData.Password)));
        var harness = new SmtpSenderHarness(server.Port, senderMode, _certificate.PemFile, withCredentials: true);

        var result = await harness.CreateSender().SendAsync(EmailTestData.Message(), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Sent, result.Outcome);
        Assert.Null(result.Error);
        Assert.Equal(1, result.Attempts);
        Assert.Equal([new RecipientOutcome("buyer@example.com", Accepted: true)], result.Recipients);
        var received = await server.FirstMessageAsync();
        Assert.Equal(EmailTestData.Sender, received.EnvelopeFrom);
        Assert.Equal(["buyer@example.com"], received.EnvelopeTo);
        Assert.Equal(1, server.AuthAttempts);
        Assert.DoesNotContain(EmailTestData.Password, harness.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_connection_without_credentials_delivers()
    {
        await using var server = await SmtpTestServer.StartAsync(new(TestServerSecurity.None));
        var harness = new SmtpSenderHarness(server.Port, SmtpSecurity.None, caFile: null, withCredentials: false);

        var result = await harness.CreateSender().SendAsync(EmailTestData.Message(), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Sent, result.Outcome);
        Assert.Equal(result.MessageId, (await server.FirstMessageAsync()).Message.MessageId);
    }

    [Fact]
    public async Task The_received_mime_is_multipart_alternative_with_both_parts_and_the_automatic_headers()
    {
        await using var server = await SmtpTestServer.StartAsync(new(TestServerSecurity.StartTls, _certificate.Certificate, (EmailTestData.User, EmailTestData.Password)));
        var harness = new SmtpSenderHarness(server.Port, SmtpSecurity.StartTls, _certificate.PemFile, withCredentials: true);

        var result = await harness.CreateSender().SendAsync(
            EmailTestData.Message("buyer@example.com", "planner@example.org"), TestContext.Current.CancellationToken);
        var mime = (await server.FirstMessageAsync()).Message;

        Assert.Equal(DeliveryOutcome.Sent, result.Outcome);
        MimeAssert.IsTheSampleReport(mime, ["buyer@example.com", "planner@example.org"]);
        Assert.Equal(result.MessageId, mime.MessageId);
        Assert.EndsWith("@example.com", mime.MessageId, StringComparison.Ordinal);
    }
}
