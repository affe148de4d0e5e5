using Microsoft.Extensions.Options;
using MimeKit;
using Polly;
using Polly.CircuitBreaker;

namespace MonitorDashboard.Email.Smtp;

/// <summary>
/// Delivers over SMTP with MailKit: one fresh session per attempt, each under <see cref="EmailOptions.SessionTimeout"/>,
/// retries with backoff on transient failures, the whole send under <see cref="EmailOptions.SendTimeout"/>, a circuit
/// breaker against a dead server, and an outcome for every recipient.
/// </summary>
public sealed partial class SmtpEmailSender : IEmailSender
{
    private readonly EmailOptions _options;
    private readonly MimeMessageFactory _messages;
    private readonly TimeProvider _time;
    private readonly ILogger<SmtpEmailSender> _logger;
    private readonly SmtpConnector _connector;
    private readonly ResiliencePipeline _pipeline;

    public SmtpEmailSender(IOptions<EmailOptions> options, MimeMessageFactory messages, TimeProvider time, ILogger<SmtpEmailSender> logger)
    {
        _options = options.Value;
        _messages = messages;
        _time = time;
        _logger = logger;
        _connector = new SmtpConnector(_options);
        _pipeline = SmtpResilience.Build(_options, time, (next, delay) =>
            LogRetrying(_connector.Endpoint, next, delay));
    }

    public async Task<DeliveryResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        MimeMessage mime;
        try
        {
            mime = _messages.Create(message);
        }
        catch (ArgumentException ex)
        {
            return Failed(message, null, ex.Message, attempts: 0);
        }

        var attempts = 0;
        SmtpFailure? last = null;
        // The whole send (attempts and backoff delays) has a deadline too; see EmailOptions.SendTimeout.
        using var sendDeadline = new CancellationTokenSource(_options.SendTimeout, _time);
        using var send = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, sendDeadline.Token);
        try
        {
            var outcomes = await _pipeline.ExecuteAsync(async token =>
            {
                try
                {
                    return await SendOnceAsync(mime, ++attempts, token, sendDeadline.Token, cancellationToken);
                }
                catch (SmtpDeliveryException ex)
                {
                    last = ex.Failure;
                    throw;
                }
            }, send.Token);
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
            var nextAttempt = _time.GetUtcNow() + (ex.RetryAfter ?? _options.CircuitBreakerBreakDuration);
            var error = $"SMTP circuit open after {_options.CircuitBreakerFailureThreshold} failures; "
                + $"next attempt after {nextAttempt:yyyy-MM-dd HH:mm:ss} UTC";
            return Failed(message, mime.MessageId, attempts > 0 ? $"{error} (after {attempts} attempts)" : error, attempts);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && sendDeadline.IsCancellationRequested)
        {
            // The send's deadline ran out while waiting to retry: the last attempt's reason is the one that matters.
            var reason = last?.Message ?? $"SMTP server {_connector.Endpoint} could not be tried";
            var error = $"{reason} (after {attempts} attempt{(attempts == 1 ? "" : "s")}; "
                + $"Email:SendTimeout ({SmtpFailureClassifier.Duration(_options.SendTimeout)}) ran out before the next)";
            return Failed(message, mime.MessageId, error, attempts);
        }
    }

    /// <param name="token">The send's token: the caller's, and the send's deadline.</param>
    private async ValueTask<IReadOnlyList<RecipientOutcome>> SendOnceAsync(
        MimeMessage mime, int attempt, CancellationToken token, CancellationToken sendDeadline, CancellationToken callerToken)
    {
        using var session = new SmtpSession(_connector, _time, _logger, token);
        try
        {
            await session.OpenAsync();
            await session.SendAsync(mime);
        }
        catch (Exception ex) when (!callerToken.IsCancellationRequested)
        {
            var failure = !session.DeadlineExpired && sendDeadline.IsCancellationRequested
                ? SmtpFailureClassifier.SendTimedOut(_options, session.Stage)
                : session.Describe(ex);
            LogAttemptFailed(attempt, _connector.Endpoint, failure.Transient ? "transient" : "permanent", failure.Message);
            throw new SmtpDeliveryException(failure, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The caller cancelled; whatever MailKit threw on the way out, cancellation is what happened.
            throw new OperationCanceledException("the send was cancelled", ex, callerToken);
        }
        // The server accepted the message: from here on nothing can fail the send.
        await session.CloseAsync();
        return session.Client.Outcomes;
    }

    private DeliveryResult Delivered(EmailMessage message, string? messageId, IReadOnlyList<RecipientOutcome> outcomes, int attempts)
    {
        var rejected = outcomes.Where(o => !o.Accepted).ToList();
        if (rejected.Count == 0)
        {
            LogSent(message.Kind, messageId, message.ListId, _connector.Endpoint, outcomes.Count, attempts);
            return new DeliveryResult(DeliveryOutcome.Sent, outcomes, messageId, Attempts: attempts);
        }
        var detail = string.Join("; ", rejected.Select(o => $"{o.Address} ({o.Reason})"));
        LogPartiallySent(message.Kind, messageId, message.ListId, _connector.Endpoint, outcomes.Count - rejected.Count, outcomes.Count, detail);
        var error = SmtpFailureClassifier.Redact($"SMTP server {_connector.Endpoint} rejected {rejected.Count} of {outcomes.Count} recipients: {detail}", _options);
        return new DeliveryResult(DeliveryOutcome.PartiallySent, outcomes, messageId, error, Attempts: attempts);
    }

    private DeliveryResult Failed(EmailMessage message, string? messageId, string error, int attempts, IReadOnlyList<RecipientOutcome>? recipients = null)
    {
        LogNotDelivered(message.Kind, message.ListId, error);
        recipients ??= [.. message.To.Select(address => new RecipientOutcome(address, Accepted: false))];
        return new DeliveryResult(DeliveryOutcome.Failed, recipients, messageId, error, Attempts: attempts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrying SMTP server {Server} (attempt {Attempt}) in {Delay}")]
    private partial void LogRetrying(string server, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP attempt {Attempt} via {Server} failed ({Transient}): {Reason}")]
    private partial void LogAttemptFailed(int attempt, string server, string transient, string reason);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Email {Kind} {MessageId} for list {ListId} accepted by {Server} for {Count} recipient(s) after {Attempts} attempt(s)")]
    private partial void LogSent(EmailKind kind, string? messageId, string? listId, string server, int count, int attempts);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Email {Kind} {MessageId} for list {ListId} accepted by {Server} for {Accepted} of {Count} recipient(s); rejected: {Rejected}")]
    private partial void LogPartiallySent(EmailKind kind, string? messageId, string? listId, string server, int accepted, int count, string rejected);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email {Kind} for list {ListId} not delivered: {Error}")]
    private partial void LogNotDelivered(EmailKind kind, string? listId, string error);
}
