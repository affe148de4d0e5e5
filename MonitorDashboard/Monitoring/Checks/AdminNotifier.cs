using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using MonitorDashboard.Email;
using MonitorDashboard.Email.Templates;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Monitoring.Checks;

/// <summary>
/// Tells the admins about system failures without flooding them: one "failing" notice per failure streak
/// of a list and one "recovered" notice when it works again (persisted, so a restart does not repeat them);
/// the same for email delivery; invalid lists and an unreadable presets.json once per distinct problem.
/// </summary>
public sealed class AdminNotifier(
    ListStateStore states,
    NoticeRenderer notices,
    IEmailSender email,
    IOptions<EmailOptions> emailOptions,
    TimeProvider time,
    ILogger<AdminNotifier> logger)
{
    private readonly ConcurrentDictionary<string, string> _invalidListsTold = new(StringComparer.OrdinalIgnoreCase);
    private string? _presetsProblemTold;

    public async Task CheckFailedAsync(MonitoringList list, string error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var state = await states.UpdateAsync(list.Id, s => s with
        {
            FailingSince = s.FailingSince ?? now,
            ConsecutiveFailures = s.ConsecutiveFailures + 1,
        }, cancellationToken);
        if (state.FailureNoticeSent)
        {
            return;
        }
        if (await NotifyAsync(new CheckFailingNotice(list.Id, list.Name, error, state.FailingSince ?? now, state.ConsecutiveFailures), list.Id, cancellationToken))
        {
            await states.UpdateAsync(list.Id, s => s with { FailureNoticeSent = true }, cancellationToken);
        }
    }

    public async Task CheckSucceededAsync(MonitoringList list, CancellationToken cancellationToken)
    {
        var before = await states.GetAsync(list.Id, cancellationToken);
        if (before is null || (before.FailingSince is null && before.ConsecutiveFailures == 0))
        {
            return;
        }
        await states.UpdateAsync(list.Id, s => s with { FailingSince = null, ConsecutiveFailures = 0, FailureNoticeSent = false }, cancellationToken);
        // Only a streak the admins were told about gets a "recovered" notice.
        if (before.FailureNoticeSent)
        {
            await NotifyAsync(new CheckRecoveredNotice(list.Id, list.Name, before.FailingSince ?? time.GetUtcNow(), time.GetUtcNow()), list.Id, cancellationToken);
        }
    }

    public async Task DeliveryFailedAsync(MonitoringList list, string error, CancellationToken cancellationToken)
    {
        var state = await states.GetAsync(list.Id, cancellationToken);
        if (state?.DeliveryFailureNoticeSent == true)
        {
            return;
        }
        // The notice goes through the same sender; with SMTP down it fails too, and is tried again next run.
        if (await NotifyAsync(new DeliveryFailingNotice(list.Id, list.Name, list.Recipients, error, time.GetUtcNow()), list.Id, cancellationToken))
        {
            await states.UpdateAsync(list.Id, s => s with { DeliveryFailureNoticeSent = true }, cancellationToken);
        }
    }

    public async Task DeliverySucceededAsync(MonitoringList list, CancellationToken cancellationToken)
    {
        var state = await states.GetAsync(list.Id, cancellationToken);
        if (state?.DeliveryFailureNoticeSent == true)
        {
            await states.UpdateAsync(list.Id, s => s with { DeliveryFailureNoticeSent = false }, cancellationToken);
        }
    }

    public async Task ListInvalidAsync(MonitoringList list, IReadOnlyList<string> reasons, CancellationToken cancellationToken)
    {
        var key = string.Join("\n", reasons);
        if (_invalidListsTold.TryGetValue(list.Id, out var told) && told == key)
        {
            return;
        }
        _invalidListsTold[list.Id] = key;
        await NotifyAsync(new ListInvalidNotice(list.Id, list.Name, reasons), list.Id, cancellationToken);
    }

    public void ListValid(string listId) => _invalidListsTold.TryRemove(listId, out _);

    public async Task PresetsUnreadableAsync(PresetsFileError error, CancellationToken cancellationToken)
    {
        var key = error.ToString();
        if (Interlocked.Exchange(ref _presetsProblemTold, key) == key)
        {
            return;
        }
        await NotifyAsync(new PresetsUnreadableNotice(error.FilePath, error.Message, error.Line, error.Column), null, cancellationToken);
    }

    public void PresetsReadable() => Interlocked.Exchange(ref _presetsProblemTold, null);

    /// <returns>Whether the notice was delivered (or there is nobody to tell, or email is off).</returns>
    private async Task<bool> NotifyAsync(NoticeModel notice, string? listId, CancellationToken cancellationToken)
    {
        if (emailOptions.Value.AdminRecipients.Count == 0)
        {
            logger.LogWarning("No ADMIN_EMAIL_RECIPIENTS configured; {Notice} for list {ListId} is only logged", notice.GetType().Name, listId);
            return true;
        }
        try
        {
            var result = await email.SendAsync(notices.RenderNotice(notice), cancellationToken);
            if (result.Outcome == DeliveryOutcome.Failed)
            {
                logger.LogError("Admin notice {Notice} for list {ListId} could not be delivered: {Error}", notice.GetType().Name, listId, result.Error);
                return false;
            }
            logger.LogInformation("Admin notice {Notice} for list {ListId}: {Outcome}", notice.GetType().Name, listId, result.Outcome);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Admin notice {Notice} for list {ListId} failed", notice.GetType().Name, listId);
            return false;
        }
    }
}
