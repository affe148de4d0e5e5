using System.Net.Security;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace MonitorDashboard.Email.Smtp;

/// <summary>
/// MailKit's client aborts the whole send when one <c>RCPT TO</c> is refused. This one records each recipient's
/// reply and goes on, so the others still get the message; only when nobody was accepted does it fail.
/// </summary>
internal sealed class RecipientTrackingSmtpClient : SmtpClient
{
    private readonly List<RecipientOutcome> _outcomes = [];
    private readonly SmtpSessionProgress? _progress;

    public RecipientTrackingSmtpClient()
    {
    }

    /// <param name="progress">Told when a TLS handshake starts, the one step of MailKit's connect no log line shows.</param>
    public RecipientTrackingSmtpClient(IProtocolLogger protocolLogger, SmtpSessionProgress? progress = null) : base(protocolLogger)
    {
        _progress = progress;
    }

    public IReadOnlyList<RecipientOutcome> Outcomes => _outcomes;

    protected override SslClientAuthenticationOptions GetSslClientAuthenticationOptions(string host, RemoteCertificateValidationCallback remoteCertificateValidationCallback)
    {
        _progress?.Enter(SmtpSessionStage.TlsHandshake);
        return base.GetSslClientAuthenticationOptions(host, remoteCertificateValidationCallback);
    }

    protected override void OnRecipientAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response) =>
        _outcomes.Add(new RecipientOutcome(mailbox.Address, Accepted: true));

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response) =>
        _outcomes.Add(new RecipientOutcome(mailbox.Address, Accepted: false, Describe(response)));

    protected override void OnNoRecipientsAccepted(MimeMessage message)
    {
        var transient = _outcomes.All(o => IsTransient(o.Reason));
        throw new RecipientsRejectedException([.. _outcomes], transient);
    }

    private static string Describe(SmtpResponse response) =>
        $"{(int)response.StatusCode} {response.Response}".Trim();

    private static bool IsTransient(string? reason) => reason is { Length: > 0 } && reason[0] == '4';
}
