using Microsoft.Extensions.Options;
using MonitorDashboard.Email;
using MonitorDashboard.Email.Templates;

namespace MonitorDashboard.Monitoring.Notices;

/// <summary>
/// Sends queued admin notices one at a time, each within <c>Monitoring:CheckTimeout</c>: in the dashboard as a background
/// service, in a <c>monitor run</c> command by <see cref="DrainAsync"/> before the process exits.
/// </summary>
public sealed partial class AdminNoticeSender(
    AdminNoticeQueue queue,
    NoticeRenderer notices,
    IEmailSender email,
    IOptions<EmailOptions> emailOptions,
    IOptions<MonitoringOptions> monitoring,
    TimeProvider time,
    ILogger<AdminNoticeSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var notice in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await SendAsync(notice, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued was never sent; the next failure (after a restart) tells again.
        }
    }

    /// <summary>Sends whatever is queued now, then returns (for a command line process that has no background service).</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (queue.Reader.TryRead(out var notice))
        {
            await SendAsync(notice, cancellationToken);
        }
    }

    private async Task SendAsync(QueuedNotice queued, CancellationToken stoppingToken)
    {
        var name = queued.Notice.GetType().Name;
        try
        {
            if (queue.IsWithdrawn(queued.Key))
            {
                LogWithdrawn(name, queued.ListId);
                return;
            }
            if (emailOptions.Value.AdminRecipients.Count == 0)
            {
                LogNobodyToTell(name, queued.ListId);
                await MarkDeliveredAsync(queued, stoppingToken);
                return;
            }
            using var deadline = new CancellationTokenSource(monitoring.Value.CheckTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, deadline.Token);
            var result = await email.SendAsync(notices.RenderNotice(queued.Notice), linked.Token);
            if (result.Outcome == DeliveryOutcome.Failed)
            {
                LogNotDelivered(name, queued.ListId, result.Error);
                return;
            }
            LogSent(name, queued.ListId, result.Outcome);
            await MarkDeliveredAsync(queued, stoppingToken);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            LogTimedOut(name, queued.ListId, monitoring.Value.CheckTimeout);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A template error or a bug: logged, and the next notice still goes out.
            LogFailed(ex, name, queued.ListId);
        }
        finally
        {
            queue.Done(queued.Key);
        }
    }

    private async Task MarkDeliveredAsync(QueuedNotice queued, CancellationToken cancellationToken)
    {
        if (queued.OnDelivered is { } delivered)
        {
            await delivered(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No ADMIN_EMAIL_RECIPIENTS configured; {Notice} for list {ListId} is only logged")]
    private partial void LogNobodyToTell(string notice, string? listId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin notice {Notice} for list {ListId}: {Outcome}")]
    private partial void LogSent(string notice, string? listId, DeliveryOutcome outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Admin notice {Notice} for list {ListId} could not be delivered: {Error}")]
    private partial void LogNotDelivered(string notice, string? listId, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Admin notice {Notice} for list {ListId} was not sent within {Timeout}")]
    private partial void LogTimedOut(string notice, string? listId, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Admin notice {Notice} for list {ListId} failed")]
    private partial void LogFailed(Exception exception, string notice, string? listId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Admin notice {Notice} for list {ListId} withdrawn before it was sent")]
    private partial void LogWithdrawn(string notice, string? listId);
}
