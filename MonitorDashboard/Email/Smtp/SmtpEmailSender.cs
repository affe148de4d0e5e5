using Microsoft.Extensions.Options;
using MimeKit;
using Polly;
using Polly.CircuitBreaker;

namespace MonitorDashboard.Email.Smtp;

/// <summary>
/// Delivers over SMTP with MailKit: one fresh session per attempt, retries with backoff on transient failures,
/// a circuit breaker against a dead server, and an outcome for every recipient.
/// </summary>
public sealed class SmtpEmailSender : IEmailSender
{
    private readonly EmailOptions options;
    private readonly MimeMessageFactory messages;
    private readonly TimeProvider time;
    private readonly ILogger<SmtpEmailSender> logger;
    private readonly SmtpConnector connector;
    private readonly ResiliencePipeline pipeline;

    public SmtpEmailSender(IOptions<EmailOptions> options, MimeMessageFactory messages, TimeProvider time, ILogger<SmtpEmailSender> logger)
    {
        this.options = options.Value;
        this.messages = messages;
        this.time = time;
        this.logger = logger;
        connector = new SmtpConnector(this.options);
        pipeline = SmtpResilience.Build(this.options, time, (next, delay) =>
            logger.LogInformation("Retrying SMTP server {Server} (attempt {Attempt}) in {Delay}", connector.Endpoint, next, delay));
    }

    public async Task<DeliveryResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        MimeMessage mime;
        try
        {
            mime = messages.Create(message);
        }
        catch (ArgumentException ex)
        {
            return Failed(message, null, ex.Message, attempts: 0);
        }

        var attempts = 0;
        try
        {
            var outcomes = await pipeline.ExecuteAsync(
                async token => await SendOnceAsync(mime, ++attempts, token), cancellationToken);
            return Delivered(message, mime.MessageId, outcomes, attempts);
        }
        catch (SmtpDeliveryException ex)
        {
            var error = attempts > 1 ? $"{ex.Failure.Message} (after {attempts} attempts)" : ex.Failure.Message;
            var recipients = (ex.InnerException as RecipientsRejectedException)?.Outcomes;
            return Failed(message, mime.MessageId, error, attempts, recipients);
        }
        catch (BrokenCircuitException ex)
        {
            var nextAttempt = time.GetUtcNow() + (ex.RetryAfter ?? options.CircuitBreakerBreakDuration);
            var error = $"SMTP circuit open after {options.CircuitBreakerFailureThreshold} failures; "
                + $"next attempt after {nextAttempt:yyyy-MM-dd HH:mm:ss} UTC";
            return Failed(message, mime.MessageId, attempts > 0 ? $"{error} (after {attempts} attempts)" : error, attempts);
        }
    }

    private async ValueTask<IReadOnlyList<RecipientOutcome>> SendOnceAsync(MimeMessage mime, int attempt, CancellationToken cancellationToken)
    {
        var diagnostics = new ConnectionDiagnostics();
        using var client = new RecipientTrackingSmtpClient();
        try
        {
            await connector.ConnectAsync(client, diagnostics, cancellationToken);
            await client.SendAsync(mime, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = SmtpFailureClassifier.Classify(ex, options, diagnostics);
            logger.LogWarning("SMTP attempt {Attempt} via {Server} failed ({Transient}): {Reason}",
                attempt, connector.Endpoint, failure.Transient ? "transient" : "permanent", failure.Message);
            throw new SmtpDeliveryException(failure, ex);
        }
        await SmtpConnector.QuitAsync(client, cancellationToken);
        return client.Outcomes;
    }

    private DeliveryResult Delivered(EmailMessage message, string? messageId, IReadOnlyList<RecipientOutcome> outcomes, int attempts)
    {
        var rejected = outcomes.Where(o => !o.Accepted).ToList();
        if (rejected.Count == 0)
        {
            logger.LogInformation("Email {Kind} {MessageId} for list {ListId} accepted by {Server} for {Count} recipient(s) after {Attempts} attempt(s)",
                message.Kind, messageId, message.ListId, connector.Endpoint, outcomes.Count, attempts);
            return new DeliveryResult(DeliveryOutcome.Sent, outcomes, messageId, Attempts: attempts);
        }
        var detail = string.Join("; ", rejected.Select(o => $"{o.Address} ({o.Reason})"));
        logger.LogWarning("Email {Kind} {MessageId} for list {ListId} accepted by {Server} for {Accepted} of {Count} recipient(s); rejected: {Rejected}",
            message.Kind, messageId, message.ListId, connector.Endpoint, outcomes.Count - rejected.Count, outcomes.Count, detail);
        var error = SmtpFailureClassifier.Redact($"SMTP server {connector.Endpoint} rejected {rejected.Count} of {outcomes.Count} recipients: {detail}", options);
        return new DeliveryResult(DeliveryOutcome.PartiallySent, outcomes, messageId, error, Attempts: attempts);
    }

    private DeliveryResult Failed(EmailMessage message, string? messageId, string error, int attempts, IReadOnlyList<RecipientOutcome>? recipients = null)
    {
        logger.LogError("Email {Kind} for list {ListId} not delivered: {Error}", message.Kind, message.ListId, error);
        recipients ??= [.. message.To.Select(address => new RecipientOutcome(address, Accepted: false))];
        return new DeliveryResult(DeliveryOutcome.Failed, recipients, messageId, error, Attempts: attempts);
    }
}
