using Microsoft.Data.Sqlite;

namespace MonitorDashboard.Monitoring.History;

/// <summary>Writes a run inside a caller's transaction: the history's own add and a lease's completion share it.</summary>
internal static class RunWriter
{
    private const string NewestFirst = "ORDER BY started_at DESC, rowid DESC";

    /// <param name="replace">Replace a run with the same id instead of failing on it.</param>
    public static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, RunRecord run, CancellationToken ct,
        bool replace = false)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = replace ? RunColumns.Insert.Replace("INSERT INTO", "INSERT OR REPLACE INTO", StringComparison.Ordinal) : RunColumns.Insert;
        RunColumns.Bind(insert, run);
        await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Keeps the newest <paramref name="keep"/> runs of the list (at least one).</summary>
    public static async Task TrimAsync(SqliteConnection connection, SqliteTransaction transaction, string listId, int keep, CancellationToken ct)
    {
        await using var trim = connection.CreateCommand();
        trim.Transaction = transaction;
        trim.CommandText = $"""
            DELETE FROM runs
            WHERE list_id = $list_id
              AND rowid NOT IN (SELECT rowid FROM runs WHERE list_id = $list_id {NewestFirst} LIMIT $keep);
            """;
        trim.Parameters.AddWithValue("$list_id", listId);
        trim.Parameters.AddWithValue("$keep", Math.Max(1, keep));
        await trim.ExecuteNonQueryAsync(ct);
    }
}
