using Microsoft.Data.Sqlite;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.FaultMatrix;

/// <summary>A run as the history database holds it (the <c>runs</c> table).</summary>
internal sealed record RecordedRun(
    string RunId, RunTrigger Trigger, DateTimeOffset? ScheduledFor, DateTimeOffset StartedAt, DateTimeOffset FinishedAt,
    RunOutcome Outcome, string? EmailOutcome, string? Hash, string? Error);

/// <summary>A claim on a list (the <c>run_leases</c> table).</summary>
internal sealed record RecordedLease(string ListId, string RunId, DateTimeOffset ExpiresAt, int OwnerPid, string OwnerKind, string? Stage);

/// <summary>A list's schedule state (the <c>list_state</c> table).</summary>
internal sealed record RecordedState(DateTimeOffset? NextDue, DateTimeOffset? LastScheduled, string? ScheduleKey);

/// <summary>
/// The history database of an app running in another process, opened read-only for each question (never pooled, so
/// the test holds no lock and no handle between questions). Before the app created the file, everything is empty.
/// </summary>
internal sealed class RunHistoryFile(string path)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Task<IReadOnlyList<RecordedRun>> RunsAsync(string listId) => QueryAsync(
        """
        SELECT run_id, trigger, scheduled_for, started_at, finished_at, outcome, email_outcome, hash, error
        FROM runs WHERE list_id = $list_id ORDER BY started_at, rowid;
        """,
        listId,
        r => new RecordedRun(
            r.GetString(0),
            HistoryValues.ParseEnum<RunTrigger>(r.GetString(1)),
            r.IsDBNull(2) ? null : HistoryValues.ParseTime(r.GetString(2)),
            HistoryValues.ParseTime(r.GetString(3)),
            HistoryValues.ParseTime(r.GetString(4)),
            HistoryValues.ParseEnum<RunOutcome>(r.GetString(5)),
            r.IsDBNull(6) ? null : r.GetString(6),
            r.IsDBNull(7) ? null : r.GetString(7),
            r.IsDBNull(8) ? null : r.GetString(8)));

    public Task<IReadOnlyList<RecordedLease>> LeasesAsync() => QueryAsync(
        "SELECT list_id, run_id, expires_at, owner_pid, owner_kind, stage FROM run_leases ORDER BY list_id;",
        null,
        r => new RecordedLease(r.GetString(0), r.GetString(1), HistoryValues.ParseTime(r.GetString(2)), r.GetInt32(3), r.GetString(4),
            r.IsDBNull(5) ? null : r.GetString(5)));

    public async Task<RecordedState?> StateAsync(string listId) => (await QueryAsync(
        "SELECT next_due, last_scheduled, schedule_key FROM list_state WHERE list_id = $list_id;",
        listId,
        r => new RecordedState(
            r.IsDBNull(0) ? null : HistoryValues.ParseTime(r.GetString(0)),
            r.IsDBNull(1) ? null : HistoryValues.ParseTime(r.GetString(1)),
            r.IsDBNull(2) ? null : r.GetString(2)))).SingleOrDefault();

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, string? listId, Func<SqliteDataReader, T> read)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        // The app may be writing: wait for its transaction rather than fail.
        command.CommandText = "PRAGMA busy_timeout = 10000;";
        await command.ExecuteNonQueryAsync(Ct);
        command.CommandText = sql;
        if (listId is not null)
        {
            command.Parameters.AddWithValue("$list_id", listId);
        }
        try
        {
            await using var reader = await command.ExecuteReaderAsync(Ct);
            var rows = new List<T>();
            while (await reader.ReadAsync(Ct))
            {
                rows.Add(read(reader));
            }
            return rows;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1 && ex.Message.Contains("no such table", StringComparison.Ordinal))
        {
            // The app created the file but has not migrated it yet.
            return [];
        }
    }
}
