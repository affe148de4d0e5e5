using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using MonitorDashboard.Email.Templates;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Monitoring.Notices;

/// <summary>
/// Decides what the admins are told, without flooding them: one "failing" notice per failure streak of a list and one
/// "recovered" notice when it works again (persisted, so a restart does not repeat them); the same for email delivery;
/// invalid lists, an unreadable presets.json and problems of the app itself once per distinct problem. Notices are
/// queued for <see cref="AdminNoticeSender"/>, so telling never waits for the mail server.
/// </summary>
public sealed partial class AdminNotifier(
    IListStateStore states,
    AdminNoticeQueue queue,
    TimeProvider time,
    ILogger<AdminNotifier> logger)
{
    /// <summary>
    /// How long presets.json must stay unusable before the admins are told: a program that rewrites the file in place
    /// (the Python tool) can be caught half-way for a moment, which is not worth an email.
    /// </summary>
    public static readonly TimeSpan PresetsProblemGrace = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, string> _told = new(StringComparer.Ordinal);
    private (string Error, DateTimeOffset Since)? _presetsProblem;

    /// <summary>The bookkeeping after a recorded run: failure streaks, delivery problems, a last_hash that was not saved.</summary>
    public async Task AfterRunAsync(MonitoringList list, RunSummary run, CancellationToken cancellationToken)
    {
        try
        {
            switch (run.Outcome)
            {
                case RunOutcome.Interrupted or RunOutcome.Missed:
                    return;
                case RunOutcome.Failed:
                    await CheckFailedAsync(list, run.Error ?? "the check failed", cancellationToken);
                    return;
            }
            await CheckSucceededAsync(list, cancellationToken);
            if (run.Outcome == RunOutcome.EmailFailed)
            {
                await DeliveryFailedAsync(list, run.Error ?? "delivery failed", cancellationToken);
            }
            else if (run.EmailOutcome is Email.DeliveryOutcome.Sent or Email.DeliveryOutcome.PartiallySent)
            {
                await DeliverySucceededAsync(list, cancellationToken);
            }
            if (run.Outcome == RunOutcome.SentHashNotSaved)
            {
                SystemProblem($"last-hash:{list.Id}", $"Report sent but last_hash not saved: {list.Name}", run.Error ?? "",
                    "Make presets.json writable again; the hash is kept in the run history meanwhile and written as soon as it can be.", list.Id);
            }
            else if (run.EmailOutcome is Email.DeliveryOutcome.Sent or Email.DeliveryOutcome.PartiallySent)
            {
                SystemProblemResolved($"last-hash:{list.Id}");
            }
        }
        catch (Exception ex) when (ex is SqliteException or IOException)
        {
            // The run itself is recorded (or kept for later); only the streak could not be counted.
            LogBookkeepingFailed(ex, list.Id);
        }
    }

    public void ListInvalid(MonitoringList list, IReadOnlyList<string> reasons)
    {
        if (Tell($"invalid:{list.Id}", string.Join("\n", reasons)))
        {
            queue.Enqueue(new QueuedNotice($"invalid:{list.Id}", new ListInvalidNotice(list.Id, list.Name, reasons), list.Id));
        }
    }

    public void ListValid(string listId) => _told.TryRemove($"invalid:{listId}", out _);

    /// <summary>Called on every scheduler tick while presets.json cannot be used; tells once it has lasted <see cref="PresetsProblemGrace"/>.</summary>
    public void PresetsUnreadable(PresetsFileError error)
    {
        var now = time.GetUtcNow();
        var key = error.ToString();
        if (_presetsProblem?.Error != key)
        {
            _presetsProblem = (key, now);
        }
        if (now - _presetsProblem.Value.Since >= PresetsProblemGrace && Tell("presets", key))
        {
            queue.Enqueue(new QueuedNotice("presets", new PresetsUnreadableNotice(error.FilePath, error.Message, error.Line, error.Column), null));
        }
    }

    public void PresetsReadable()
    {
        _presetsProblem = null;
        _told.TryRemove("presets", out _);
    }

    /// <summary>A problem of the app itself, told once until <see cref="SystemProblemResolved"/>.</summary>
    public void SystemProblem(string key, string title, string detail, string advice, string? listId = null)
    {
        // The detail names the occurrence (which run could not be written, the exact error): every run while the
        // database stays locked has another one, and must not tell the admins again.
        if (Tell("system:" + key, title))
        {
            queue.Enqueue(new QueuedNotice("system:" + key, new SystemNotice(title, detail, advice, time.GetUtcNow(), listId), listId));
        }
    }

    public void SystemProblemResolved(string key) => _told.TryRemove("system:" + key, out _);

    /// <summary>presets.json was saved by another program without its monitoring lists, and they were put back.</summary>
    public void ListsRestored(ListsRestored restored) => SystemEvent(
        "Monitoring lists restored in presets.json",
        $"Another program (the Python tool drops keys it does not know when it saves a preset) saved presets.json without "
        + $"its monitoring lists. MonitorDashboard put back the {restored.ListNames.Count} list(s) it knew — {string.Join(", ", restored.ListNames)} — "
        + "and kept that program's other changes.",
        $"The file as the other program left it is kept in {restored.BackupPath}. Nothing needs to be done; if lists are "
        + "dropped again, update the other program or save its presets elsewhere.");

    /// <summary>Something the admins should know happened once (e.g. lists restored); every occurrence is told.</summary>
    public void SystemEvent(string title, string detail, string advice) =>
        queue.Enqueue(new QueuedNotice($"event:{Guid.NewGuid():N}", new SystemNotice(title, detail, advice, time.GetUtcNow()), null));

    private async Task CheckFailedAsync(MonitoringList list, string error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var state = await states.UpdateStateAsync(list.Id, s => s with
        {
            FailingSince = s.FailingSince ?? now,
            ConsecutiveFailures = s.ConsecutiveFailures + 1,
        }, cancellationToken);
        if (state.FailureNoticeSent)
        {
            return;
        }
        var since = state.FailingSince ?? now;
        queue.Enqueue(new QueuedNotice(FailingKey(list.Id), new CheckFailingNotice(list.Id, list.Name, error, since, state.ConsecutiveFailures), list.Id,
            // Only the streak it was about is marked: one that ended meanwhile must not make the next streak silent.
            ct => states.UpdateStateAsync(list.Id, s => s.FailingSince == since ? s with { FailureNoticeSent = true } : s, ct)));
    }

    private async Task CheckSucceededAsync(MonitoringList list, CancellationToken cancellationToken)
    {
        var current = await states.GetStateAsync(list.Id, cancellationToken);
        if (current is null || (current.FailingSince is null && current.ConsecutiveFailures == 0))
        {
            return;
        }
        queue.Withdraw(FailingKey(list.Id));
        ListScheduleState? before = null;
        await states.UpdateStateAsync(list.Id, s =>
        {
            before = s;
            return s with { FailingSince = null, ConsecutiveFailures = 0, FailureNoticeSent = false };
        }, cancellationToken);
        // Only a streak the admins were told about gets a "recovered" notice.
        if (before is { FailureNoticeSent: true })
        {
            var now = time.GetUtcNow();
            queue.Enqueue(new QueuedNotice($"recovered:{list.Id}:{now.UtcTicks}",
                new CheckRecoveredNotice(list.Id, list.Name, before.FailingSince ?? now, now), list.Id));
        }
    }

    private async Task DeliveryFailedAsync(MonitoringList list, string error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var state = await states.UpdateStateAsync(list.Id, s => s with { DeliveryFailingSince = s.DeliveryFailingSince ?? now }, cancellationToken);
        if (state.DeliveryFailureNoticeSent)
        {
            return;
        }
        // The notice goes through the same sender; with SMTP down it fails too, and is tried again next run. Whether it
        // got through or not, the "recovered" notice tells the admins about the streak once mail works again.
        var since = state.DeliveryFailingSince ?? now;
        queue.Enqueue(new QueuedNotice(DeliveryKey(list.Id), new DeliveryFailingNotice(list.Id, list.Name, list.Recipients, error, now), list.Id,
            ct => states.UpdateStateAsync(list.Id, s => s.DeliveryFailingSince == since ? s with { DeliveryFailureNoticeSent = true } : s, ct)));
    }

    private async Task DeliverySucceededAsync(MonitoringList list, CancellationToken cancellationToken)
    {
        queue.Withdraw(DeliveryKey(list.Id));
        var current = await states.GetStateAsync(list.Id, cancellationToken);
        if (current is null || (current.DeliveryFailingSince is null && !current.DeliveryFailureNoticeSent))
        {
            return;
        }
        ListScheduleState? before = null;
        await states.UpdateStateAsync(list.Id, s =>
        {
            before = s;
            return s with { DeliveryFailingSince = null, DeliveryFailureNoticeSent = false };
        }, cancellationToken);
        if (before?.DeliveryFailingSince is { } since)
        {
            var now = time.GetUtcNow();
            queue.Enqueue(new QueuedNotice($"delivery-recovered:{list.Id}:{now.UtcTicks}",
                new DeliveryRecoveredNotice(list.Id, list.Name, since, now, before.DeliveryFailureNoticeSent), list.Id));
        }
    }

    /// <summary>True the first time a problem is seen (or when it changed); false while the same one is already told.</summary>
    private bool Tell(string key, string content)
    {
        var previous = _told.GetValueOrDefault(key);
        if (previous == content)
        {
            return false;
        }
        _told[key] = content;
        return true;
    }

    private static string FailingKey(string listId) => $"failing:{listId}";

    private static string DeliveryKey(string listId) => $"delivery:{listId}";

    [LoggerMessage(Level = LogLevel.Error, Message = "The failure streak of list {ListId} could not be updated")]
    private partial void LogBookkeepingFailed(Exception exception, string listId);
}
