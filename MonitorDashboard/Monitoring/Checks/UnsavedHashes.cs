using Microsoft.Data.Sqlite;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Monitoring.Checks;

/// <summary>
/// The one home of <c>last_hash</c> after a report went out. It is written to presets.json; when that fails (the file
/// is read-only, gone, or changed by someone else in the same instant) the hash is kept in the history database, counts
/// as the list's last hash for <c>on_change</c>, and is written to presets.json as soon as it can be — unless someone
/// changed the list's <c>last_hash</c> there meanwhile, whose value then wins.
/// </summary>
public sealed partial class UnsavedHashes(
    PresetsStore presets, LastHashWrites writes, IListStateStore states, TimeProvider time, ILogger<UnsavedHashes> logger)
{
    /// <summary>How often the scheduler tick tries to write kept hashes to presets.json.</summary>
    public static readonly TimeSpan ReconcileInterval = TimeSpan.FromSeconds(30);

    /// <summary>How every reason for <see cref="History.RunOutcome.SentHashNotSaved"/> begins (the history shows it on its own).</summary>
    public const string SentLead = "the report was sent, but ";

    private DateTimeOffset _nextReconcile = DateTimeOffset.MinValue;

    /// <summary>The hash the list's last delivered report had, after writing a kept one to presets.json if it can.</summary>
    public async Task<string?> EffectiveLastHashAsync(MonitoringList list, CancellationToken cancellationToken)
    {
        var state = await states.GetStateAsync(list.Id, cancellationToken);
        if (state?.UnsavedHash is null)
        {
            return list.LastHash;
        }
        var effective = state.EffectiveLastHash(list.LastHash);
        await ReconcileAsync(list, state.UnsavedHash, state.UnsavedHashBase, cancellationToken);
        return effective;
    }

    /// <summary>
    /// Writes <paramref name="hash"/> as the list's <c>last_hash</c> (together with other reports' hashes, see
    /// <see cref="LastHashWrites"/>); null when saved, otherwise why not (the hash is then kept).
    /// </summary>
    public async Task<string?> SaveAsync(MonitoringList list, string hash)
    {
        var written = await writes.WriteAsync(list.Id, hash);
        if (written.Error is { } error)
        {
            return error is PresetsException or IOException or UnauthorizedAccessException
                ? await KeepAsync(list, hash, error)
                : throw new InvalidOperationException($"writing last_hash to presets.json failed: {error.Message}", error);
        }
        if (written.Missing.Contains(list.Id))
        {
            return null; // deleted meanwhile: there is no list left to remember it for
        }
        try
        {
            if ((await states.GetStateAsync(list.Id, CancellationToken.None))?.UnsavedHash is not null)
            {
                await states.UpdateStateAsync(list.Id, s => s with { UnsavedHash = null, UnsavedHashBase = null }, CancellationToken.None);
            }
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException)
        {
            return await KeepAsync(list, hash, ex);
        }
    }

    private async Task<string> KeepAsync(MonitoringList list, string hash, Exception error)
    {
        var reason = SentLead + $"last_hash could not be saved to presets.json ({error.Message}); "
            + "it is kept in the run history, so the same report is not sent again, and written to presets.json once it can be";
        try
        {
            await states.UpdateStateAsync(list.Id, s => s with
            {
                UnsavedHash = hash,
                // A second unsaved report keeps the first one's base: that is what presets.json still says.
                UnsavedHashBase = s.UnsavedHash is null ? list.LastHash : s.UnsavedHashBase,
            }, CancellationToken.None);
            LogKept(error, list.Id, hash);
        }
        catch (Exception dbError) when (dbError is SqliteException or IOException or UnauthorizedAccessException)
        {
            LogLost(dbError, list.Id, hash);
            reason = SentLead + $"last_hash could not be saved to presets.json ({error.Message}) nor kept in the run history "
                + $"({dbError.Message}); the next run may send the same report again";
        }
        return reason;
    }

    /// <summary>On the scheduler tick, at most every <see cref="ReconcileInterval"/>: writes kept hashes to presets.json.</summary>
    public async Task ReconcileDueAsync(PresetsSnapshot snapshot, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextReconcile || snapshot.IsMalformed)
        {
            return;
        }
        _nextReconcile = now + ReconcileInterval;
        // Every 30 s with a thousand lists: only the rows that keep a hash are read.
        foreach (var state in await states.GetUnsavedHashStatesAsync(cancellationToken))
        {
            if (snapshot.FindList(state.ListId) is { } list)
            {
                await ReconcileAsync(list, state.UnsavedHash!, state.UnsavedHashBase, cancellationToken);
            }
        }
    }

    private async Task ReconcileAsync(MonitoringList list, string unsavedHash, string? unsavedBase, CancellationToken cancellationToken)
    {
        if (!string.Equals(list.LastHash, unsavedBase, StringComparison.OrdinalIgnoreCase))
        {
            // Someone set last_hash in presets.json since (by hand, the Python tool, a later save of ours): theirs wins.
            await states.UpdateStateAsync(list.Id, s => s with { UnsavedHash = null, UnsavedHashBase = null }, cancellationToken);
            LogSuperseded(list.Id);
            return;
        }
        try
        {
            await presets.SetLastHashAsync(list.Id, unsavedHash, cancellationToken);
        }
        catch (Exception ex) when (ex is PresetsException or IOException or UnauthorizedAccessException)
        {
            return; // still not writable; kept, tried again later
        }
        await states.UpdateStateAsync(list.Id, s => s.UnsavedHash == unsavedHash ? s with { UnsavedHash = null, UnsavedHashBase = null } : s, cancellationToken);
        LogReconciled(list.Id, unsavedHash);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "last_hash {Hash} of list {ListId} could not be saved to presets.json; kept in the run history")]
    private partial void LogKept(Exception exception, string listId, string hash);

    [LoggerMessage(Level = LogLevel.Critical, Message = "last_hash {Hash} of list {ListId} could be saved neither to presets.json nor to the run history")]
    private partial void LogLost(Exception exception, string listId, string hash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote the kept last_hash {Hash} of list {ListId} to presets.json")]
    private partial void LogReconciled(string listId, string hash);

    [LoggerMessage(Level = LogLevel.Information, Message = "The kept last_hash of list {ListId} was dropped: presets.json's last_hash changed meanwhile")]
    private partial void LogSuperseded(string listId);
}
