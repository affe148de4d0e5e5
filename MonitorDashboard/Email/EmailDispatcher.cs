using Microsoft.Extensions.Options;
using MonitorDashboard.Email.Outbox;
using MonitorDashboard.Email.Smtp;

namespace MonitorDashboard.Email;

/// <summary>
/// The <see cref="IEmailSender"/> everyone gets: honours <c>GLOBAL_EMAIL_NOTIFICATIONS_ENABLED=false</c> before anything
/// else, then hands the message to SMTP, or to the outbox when no server is configured.
/// </summary>
public sealed partial class EmailDispatcher(
    IOptions<EmailOptions> options, SmtpEmailSender smtp, OutboxEmailSender outbox, ILogger<EmailDispatcher> logger) : IEmailSender
{
    public const string DisabledReason = "email notifications are disabled (GLOBAL_EMAIL_NOTIFICATIONS_ENABLED=false)";

    public Task<DeliveryResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (!options.Value.GlobalNotificationsEnabled)
        {
            LogDisabled(message.Kind, message.ListId, DisabledReason);
            return Task.FromResult(new DeliveryResult(DeliveryOutcome.Disabled,
                [.. message.To.Select(address => new RecipientOutcome(address, Accepted: false, DisabledReason))], Attempts: 0));
        }
        if (message.To.Count == 0)
        {
            LogNoRecipients(message.Kind, message.ListId);
            return Task.FromResult(new DeliveryResult(DeliveryOutcome.Failed, [], Error: "the email has no recipients", Attempts: 0));
        }
        return options.Value.UsesOutbox
            ? outbox.SendAsync(message, cancellationToken)
            : smtp.SendAsync(message, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {Kind} for list {ListId} not sent: {Reason}")]
    private partial void LogDisabled(EmailKind kind, string? listId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {Kind} for list {ListId} has no recipients")]
    private partial void LogNoRecipients(EmailKind kind, string? listId);
}
