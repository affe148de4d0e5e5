using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace MonitorDashboard.Email;

/// <summary>
/// Turns a rendered <see cref="EmailMessage"/> into the MIME message that goes over SMTP or into the outbox, so both
/// paths deliver byte-for-byte the same structure.
/// </summary>
public sealed class MimeMessageFactory(IOptions<EmailOptions> options, TimeProvider time)
{
    /// <summary>From address in outbox mode when <c>EMAIL_SENDER_ADDRESS</c> is not set (no server will ever see it).</summary>
    public const string OutboxDefaultSender = "monitor@localhost";

    /// <exception cref="ArgumentException">A recipient or the sender is not an email address.</exception>
    public MimeMessage Create(EmailMessage message)
    {
        var from = Mailbox(string.IsNullOrWhiteSpace(options.Value.SenderAddress) ? OutboxDefaultSender : options.Value.SenderAddress, "sender");
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = time.GetUtcNow(),
            MessageId = MimeUtils.GenerateMessageId(from.Domain.Length > 0 ? from.Domain : "localhost"),
            Body = new MultipartAlternative
            {
                // RFC 2046: alternatives go from the simplest to the richest; clients show the last one they support.
                TextPart("plain", message.TextBody),
                TextPart("html", message.HtmlBody),
            },
        };
        mime.From.Add(from);
        mime.To.AddRange(message.To.Select(address => Mailbox(address, "recipient")));
        // RFC 3834: an automatic message; vacation responders and Exchange's auto-replies must not answer it.
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Headers.Add("X-Auto-Response-Suppress", "All");
        return mime;
    }

    private static TextPart TextPart(string subtype, string text)
    {
        var part = new TextPart(subtype);
        part.SetText(Encoding.UTF8, text);
        // Seven-bit safe for any relay: quoted-printable or base64, whichever MimeKit finds smaller for this text.
        part.ContentTransferEncoding = part.GetBestEncoding(EncodingConstraint.SevenBit);
        return part;
    }

    private static MailboxAddress Mailbox(string address, string role) =>
        MailboxAddress.TryParse(address, out var mailbox)
            ? mailbox
            : throw new ArgumentException($"The {role} \"{address}\" is not an email address", nameof(address));
}
