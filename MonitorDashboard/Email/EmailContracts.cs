namespace MonitorDashboard.Email;

/// <summary>What kind of email a message is: a list's report, or a notice to the admins.</summary>
public enum EmailKind
{
    Report,
    AdminNotice,
}

/// <summary>A rendered email, ready to send: the same object is sent, written to the outbox and previewed.</summary>
/// <param name="ListId">The monitoring list it is about, when there is one (for logs and history).</param>
public sealed record EmailMessage(
    EmailKind Kind,
    string Subject,
    string HtmlBody,
    string TextBody,
    IReadOnlyList<string> To,
    string? ListId = null);

public enum DeliveryOutcome
{
    /// <summary>Every recipient was accepted by the SMTP server (or the message was written to the outbox).</summary>
    Sent,
    /// <summary>Some recipients were accepted, others rejected.</summary>
    PartiallySent,
    /// <summary>Nothing was delivered.</summary>
    Failed,
    /// <summary>GLOBAL_EMAIL_NOTIFICATIONS_ENABLED=false: nothing was attempted.</summary>
    Disabled,
}

public sealed record RecipientOutcome(string Address, bool Accepted, string? Reason = null);

/// <param name="Error">Why delivery failed, safe to show and log (never a password).</param>
/// <param name="OutboxFile">The .eml written in outbox mode.</param>
public sealed record DeliveryResult(
    DeliveryOutcome Outcome,
    IReadOnlyList<RecipientOutcome> Recipients,
    string? MessageId = null,
    string? Error = null,
    string? OutboxFile = null,
    int Attempts = 1)
{
    /// <summary>The report counts as accepted (last_hash may be written) when at least one recipient got it.</summary>
    public bool Accepted => Outcome is DeliveryOutcome.Sent or DeliveryOutcome.PartiallySent;
}

/// <summary>Delivers rendered emails: over SMTP, or to the outbox folder when no server is configured.</summary>
public interface IEmailSender
{
    Task<DeliveryResult> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
