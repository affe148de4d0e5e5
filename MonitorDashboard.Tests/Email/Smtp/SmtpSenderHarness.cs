using Microsoft.Extensions.Logging.Testing;
using MonitorDashboard.Email;
using MonitorDashboard.Email.Smtp;

namespace MonitorDashboard.Tests.Email.Smtp;

/// <summary>A real <see cref="SmtpEmailSender"/> aimed at a loopback port, with fake time and captured logs.</summary>
internal sealed class SmtpSenderHarness
{
    public SmtpSenderHarness(int port, SmtpSecurity security, string? caFile, bool withCredentials, string password = EmailTestData.Password)
    {
        Options = new EmailOptions
        {
            SmtpServer = "127.0.0.1",
            SmtpPort = port,
            UseTls = security == SmtpSecurity.StartTls,
            UseSsl = security == SmtpSecurity.ImplicitTls,
            Username = withCredentials ? EmailTestData.User : null,
            Password = withCredentials ? password : null,
            SenderAddress = EmailTestData.Sender,
            CaCertificateFile = caFile,
            Timeout = TimeSpan.FromSeconds(10),
            MaxRetries = 3,
            RetryBaseDelay = TimeSpan.FromSeconds(2),
        };
    }

    public EmailOptions Options { get; }

    public SignalingTimeProvider Time { get; } = new();

    public FakeLogCollector Logs { get; } = new();

    public MimeMessageFactory Factory => new(Microsoft.Extensions.Options.Options.Create(Options), Time);

    public SmtpEmailSender CreateSender() =>
        new(Microsoft.Extensions.Options.Options.Create(Options), Factory, Time, new FakeLogger<SmtpEmailSender>(Logs));

    public SmtpProbe CreateProbe() =>
        new(Microsoft.Extensions.Options.Options.Create(Options), Time, new FakeLogger<SmtpProbe>(Logs));

    /// <summary>Every logged word, message and structured values, for secret checks.</summary>
    public string AllLogText() => string.Join("\n", Logs.GetSnapshot().Select(r =>
        r.Message + " " + string.Join(" ", r.StructuredState?.Select(kv => kv.Value) ?? []) + " " + r.Exception));
}
