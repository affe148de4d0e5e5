using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace MonitorDashboard.Monitoring.History;

/// <summary>
/// <see cref="IRunStore"/> and <see cref="IListStateStore"/> in one embedded SQLite file. Thread-safe: every operation opens its own pooled
/// connection; writes run in <c>BEGIN IMMEDIATE</c> transactions, so another process on the same file waits
/// its turn and a cancelled write leaves nothing behind.
/// </summary>
public sealed class SqliteRunHistory : IRunStore, IListStateStore, IAsyncDisposable
{
    private const string NewestFirst = "ORDER BY started_at DESC, rowid DESC";

    private readonly HistoryDatabase _database;
    private readonly Func<int> _retention;
    private readonly IHistoryWriteObserver _observer;

    /// <param name="migrations">The schema steps; tests pass their own to exercise a future migration.</param>
    /// <param name="observer">Sees each add inside its transaction; none by default.</param>
    internal SqliteRunHistory(
        string databasePath, Func<int> retention, ILogger logger, IReadOnlyList<HistoryMigration>? migrations = null,
        IHistoryWriteObserver? observer = null)
        : this(new HistoryDatabase(databasePath, migrations ?? HistorySchema.Migrations, logger), retention, observer)
    {
    }

    /// <summary>Over a database file shared with the other stores of the app (leases); whoever created it disposes it.</summary>
    internal SqliteRunHistory(HistoryDatabase database, Func<int> retention, IHistoryWriteObserver? observer = null)
    {
        _database = database;
        _retention = retention;
        _observer = observer ?? NoHistoryWriteObserver.Instance;
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath => _database.FullPath;

    public async Task AddAsync(RunRecord run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(run.Summary.ListId);
        await using var connection = await _database.OpenAsync(ct);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await RunWriter.InsertAsync(connection, transaction, run, ct);
        _observer.AfterInsert(run);
        await RunWriter.TrimAsync(connection, transaction, run.Summary.ListId, _retention(), ct);
        // The last point where cancellation may still abandon the run; once the commit starts it completes, so a
        // caller never sees "cancelled" for a run that was in fact stored.
        ct.ThrowIfCancellationRequested();
        await transaction.CommitAsync(CancellationToken.None);
    }

    public async Task<RunRecord?> GetAsync(Guid runId, CancellationToken ct) =>
        await SingleAsync($"SELECT {RunColumns.Summary()}, payload FROM runs WHERE run_id = $run_id;",
            p => p.AddWithValue("$run_id", runId.ToString("D")), RunColumns.ReadRecord, ct);

    public async Task<IReadOnlyList<RunSummary>> ListAsync(string listId, int offset, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return await QueryAsync($"SELECT {RunColumns.Summary()} FROM runs WHERE list_id = $list_id {NewestFirst} LIMIT $limit OFFSET $offset;",
            p =>
            {
                p.AddWithValue("$list_id", listId);
                p.AddWithValue("$limit", limit);
                p.AddWithValue("$offset", offset);
            },
            RunColumns.ReadSummary, ct);
    }

    public async Task<int> CountAsync(string listId, CancellationToken ct)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = Command(connection, null, "SELECT COUNT(*) FROM runs WHERE list_id = $list_id;");
        command.Parameters.AddWithValue("$list_id", listId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<RunSummary?> LatestAsync(string listId, CancellationToken ct) =>
        await SingleAsync($"SELECT {RunColumns.Summary()} FROM runs WHERE list_id = $list_id {NewestFirst} LIMIT 1;",
            p => p.AddWithValue("$list_id", listId), RunColumns.ReadSummary, ct);

    public async Task<IReadOnlyDictionary<string, RunSummary>> LatestPerListAsync(CancellationToken ct)
    {
        // One index probe per list rather than a window over every run.
        var rows = await QueryAsync($"""
            SELECT {RunColumns.Summary()} FROM runs
            WHERE rowid IN (
                SELECT (SELECT rowid FROM runs WHERE list_id = lists.list_id {NewestFirst} LIMIT 1)
                FROM (SELECT DISTINCT list_id FROM runs) AS lists);
            """, _ => { }, RunColumns.ReadSummary, ct);
        return rows.ToDictionary(r => r.ListId, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<RunSummary>>> RecentPerListAsync(int perList, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perList);
        // One statement, one index walk of at most perList rows per list: no window over every run kept.
        var rows = await QueryAsync($"""
            SELECT {RunColumns.Summary("r")} FROM (SELECT DISTINCT list_id FROM runs) AS lists
            JOIN runs AS r ON r.rowid IN (
                SELECT rowid FROM runs WHERE list_id = lists.list_id {NewestFirst} LIMIT $per_list);
            """, p => p.AddWithValue("$per_list", perList), RunColumns.ReadSummary, ct);
        return rows
            .GroupBy(r => r.ListId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<RunSummary>)g.OrderByDescending(r => r.StartedAt).ToArray(), StringComparer.Ordinal);
    }

    public async Task<RecordedRuns> RunsAfterAsync(long mark, CancellationToken ct)
    {
        // rowid only grows (retention deletes the oldest runs, never the newest), so it is the history's change counter.
        var rows = await QueryAsync($"SELECT {RunColumns.Summary()}, rowid FROM runs WHERE rowid > $mark ORDER BY rowid LIMIT 1000;",
            p => p.AddWithValue("$mark", mark), r => (Run: RunColumns.ReadSummary(r), RowId: r.GetInt64(r.FieldCount - 1)), ct);
        return new RecordedRuns(rows.Select(r => r.Run).ToList(), rows.Count == 0 ? mark : rows[^1].RowId);
    }

    public async Task<long> LatestMarkAsync(CancellationToken ct)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(rowid), 0) FROM runs;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<RunRecord?> LastReportedAsync(string listId, CancellationToken ct) =>
        await SingleAsync($"SELECT {RunColumns.Summary()}, payload FROM runs WHERE list_id = $list_id AND reported = 1 {NewestFirst} LIMIT 1;",
            p => p.AddWithValue("$list_id", listId), RunColumns.ReadRecord, ct);

    public async Task<RunRecord?> PreviousAsync(Guid runId, CancellationToken ct) =>
        await SingleAsync($"""
            SELECT {RunColumns.Summary("p")}, p.payload
            FROM runs AS this JOIN runs AS p ON p.list_id = this.list_id
            WHERE this.run_id = $run_id
              AND (p.started_at < this.started_at OR (p.started_at = this.started_at AND p.rowid < this.rowid))
            ORDER BY p.started_at DESC, p.rowid DESC
            LIMIT 1;
            """, p => p.AddWithValue("$run_id", runId.ToString("D")), RunColumns.ReadRecord, ct);

    public async Task<ListScheduleState?> GetStateAsync(string listId, CancellationToken ct) =>
        await SingleAsync($"{StateColumns.Select} WHERE list_id = $list_id;", p => p.AddWithValue("$list_id", listId), StateColumns.Read, ct);

    public async Task<IReadOnlyDictionary<string, ListScheduleState>> GetAllStatesAsync(CancellationToken ct)
    {
        var rows = await QueryAsync($"{StateColumns.Select};", _ => { }, StateColumns.Read, ct);
        return rows.ToDictionary(s => s.ListId, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<ListScheduleState>> GetUnsavedHashStatesAsync(CancellationToken ct) =>
        await QueryAsync($"{StateColumns.Select} WHERE unsaved_hash IS NOT NULL;", _ => { }, StateColumns.Read, ct);

    public async Task SaveStateAsync(ListScheduleState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrWhiteSpace(state.ListId);
        await ExecuteAsync(StateColumns.Upsert, c => StateColumns.Bind(c, state), ct);
    }

    public async Task<ListScheduleState> UpdateStateAsync(string listId, Func<ListScheduleState, ListScheduleState> change, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listId);
        ArgumentNullException.ThrowIfNull(change);
        return (await UpdateStatesAsync(new Dictionary<string, Func<ListScheduleState, ListScheduleState>> { [listId] = change }, ct))[listId];
    }

    public async Task<IReadOnlyDictionary<string, ListScheduleState>> UpdateStatesAsync(
        IReadOnlyDictionary<string, Func<ListScheduleState, ListScheduleState>> changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var updated = new Dictionary<string, ListScheduleState>(changes.Count, StringComparer.OrdinalIgnoreCase);
        if (changes.Count == 0)
        {
            return updated;
        }
        await using var connection = await _database.OpenAsync(ct);
        // BEGIN IMMEDIATE: the read and the write are one step for every process on the file, so a `monitor run`
        // counting a failure and the dashboard moving the next due time never overwrite each other.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var read = Command(connection, transaction, $"{StateColumns.Select} WHERE list_id = $list_id;");
        var readId = read.Parameters.Add("$list_id", SqliteType.Text);
        await using var write = Command(connection, transaction, StateColumns.Upsert);
        foreach (var (listId, change) in changes)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(listId);
            readId.Value = listId;
            ListScheduleState? current = null;
            await using (var reader = await read.ExecuteReaderAsync(ct))
            {
                if (await reader.ReadAsync(ct))
                {
                    current = StateColumns.Read(reader);
                }
            }
            var before = current ?? ListScheduleState.Empty(listId);
            var after = change(before);
            if (after != before || current is null)
            {
                write.Parameters.Clear();
                StateColumns.Bind(write, after);
                await write.ExecuteNonQueryAsync(ct);
            }
            updated[listId] = after;
        }
        await transaction.CommitAsync(ct);
        return updated;
    }

    public Task DeleteStateAsync(string listId, CancellationToken ct) =>
        ExecuteAsync("DELETE FROM list_state WHERE list_id = $list_id;", c => c.Parameters.AddWithValue("$list_id", listId), ct);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private async Task ExecuteAsync(string sql, Action<SqliteCommand> bind, CancellationToken ct)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = Command(connection, null, sql);
        bind(command);
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Action<SqliteParameterCollection> bind, Func<SqliteDataReader, T> read, CancellationToken ct)
    {
        await using var connection = await _database.OpenAsync(ct);
        await using var command = Command(connection, null, sql);
        bind(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private async Task<T?> SingleAsync<T>(string sql, Action<SqliteParameterCollection> bind, Func<SqliteDataReader, T> read, CancellationToken ct)
        where T : class =>
        (await QueryAsync(sql, bind, read, ct)).FirstOrDefault();
}
