using Microsoft.Data.Sqlite;

namespace MonitorDashboard.Monitoring.History;

/// <summary><see cref="IRunLeases"/> in the <c>run_leases</c> table of the history database; every change is one transaction.</summary>
internal sealed class SqliteRunLeases(HistoryDatabase database, Func<int> retention) : IRunLeases
{
    private const string Columns = """
        list_id, run_id, list_name, trigger, scheduled_for, started_at, expires_at,
        owner_host, owner_pid, owner_started, owner_kind, owner_instance, stage, correlation_id
        """;

    public async Task<LeaseClaim> TryAcquireAsync(RunLease wanted, Func<RunLease, RunRecord> abandoned, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = connection.BeginTransaction(deferred: false);
        RunSummary? recorded = null;
        if (await ReadAsync(connection, transaction, wanted.ListId, ct) is { } holder)
        {
            if (IsLive(holder, wanted.Owner, wanted.StartedAt))
            {
                return new LeaseRefused(holder);
            }
            if (holder.Owner.Instance != wanted.Owner.Instance)
            {
                // Our own stale lease (its run was recorded elsewhere, e.g. kept for later) needs no record.
                var run = abandoned(holder);
                await RunWriter.InsertAsync(connection, transaction, run, ct);
                await RunWriter.TrimAsync(connection, transaction, run.Summary.ListId, retention(), ct);
                recorded = run.Summary;
            }
        }
        await using (var upsert = Command(connection, transaction, $"INSERT OR REPLACE INTO run_leases ({Columns}) VALUES ({Parameters()});"))
        {
            Bind(upsert, wanted);
            await upsert.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(CancellationToken.None);
        return new LeaseGranted(wanted, recorded);
    }

    public async Task<bool> RenewAsync(RunLease lease, DateTimeOffset expiresAt, string? stage, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = Command(connection, null,
            "UPDATE run_leases SET expires_at = $expires_at, stage = $stage WHERE list_id = $list_id AND run_id = $run_id;");
        command.Parameters.AddWithValue("$expires_at", HistoryValues.ToText(expiresAt));
        command.Parameters.AddWithValue("$stage", HistoryValues.ToDb(stage));
        command.Parameters.AddWithValue("$list_id", lease.ListId);
        command.Parameters.AddWithValue("$run_id", lease.RunId.ToString("D"));
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task CompleteAsync(RunLease? lease, RunRecord run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await RunWriter.InsertAsync(connection, transaction, run, ct);
        await RunWriter.TrimAsync(connection, transaction, run.Summary.ListId, retention(), ct);
        if (lease is not null)
        {
            await DeleteAsync(connection, transaction, lease, ct);
        }
        await transaction.CommitAsync(CancellationToken.None);
    }

    public async Task CompleteLateAsync(RunRecord run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await RunWriter.InsertAsync(connection, transaction, run, ct, replace: true);
        await RunWriter.TrimAsync(connection, transaction, run.Summary.ListId, retention(), ct);
        await using (var delete = Command(connection, transaction, "DELETE FROM run_leases WHERE run_id = $run_id;"))
        {
            delete.Parameters.AddWithValue("$run_id", run.Summary.RunId.ToString("D"));
            await delete.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(CancellationToken.None);
    }

    public async Task ReleaseAsync(RunLease lease, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await DeleteAsync(connection, null, lease, ct);
    }

    public async Task<IReadOnlyList<RunSummary>> RecoverAbandonedAsync(DateTimeOffset now, Func<RunLease, RunRecord> abandoned, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var recorded = new List<RunSummary>();
        foreach (var lease in await ReadAllAsync(connection, transaction, ct))
        {
            if (lease.ExpiresAt > now && lease.Owner.IsAliveOnThisMachine())
            {
                continue;
            }
            var run = abandoned(lease);
            await RunWriter.InsertAsync(connection, transaction, run, ct);
            await RunWriter.TrimAsync(connection, transaction, run.Summary.ListId, retention(), ct);
            await DeleteAsync(connection, transaction, lease, ct);
            recorded.Add(run.Summary);
        }
        await transaction.CommitAsync(CancellationToken.None);
        return recorded;
    }

    public async Task<IReadOnlyList<RunLease>> ListAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await ReadAllAsync(connection, null, ct);
    }

    /// <summary>A holder counts while its lease has not expired and, on this machine, its process still exists.</summary>
    private static bool IsLive(RunLease holder, LeaseOwner asking, DateTimeOffset now) =>
        holder.Owner.Instance != asking.Instance && holder.ExpiresAt > now && holder.Owner.IsAliveOnThisMachine();

    private static async Task DeleteAsync(SqliteConnection connection, SqliteTransaction? transaction, RunLease lease, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, "DELETE FROM run_leases WHERE list_id = $list_id AND run_id = $run_id;");
        command.Parameters.AddWithValue("$list_id", lease.ListId);
        command.Parameters.AddWithValue("$run_id", lease.RunId.ToString("D"));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<RunLease?> ReadAsync(SqliteConnection connection, SqliteTransaction transaction, string listId, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, $"SELECT {Columns} FROM run_leases WHERE list_id = $list_id;");
        command.Parameters.AddWithValue("$list_id", listId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private static async Task<List<RunLease>> ReadAllAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, $"SELECT {Columns} FROM run_leases ORDER BY started_at;");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var leases = new List<RunLease>();
        while (await reader.ReadAsync(ct))
        {
            leases.Add(Read(reader));
        }
        return leases;
    }

    private static string Parameters() => string.Join(", ", Columns.Split(',').Select(c => "$" + c.Trim()));

    private static void Bind(SqliteCommand command, RunLease lease)
    {
        var p = command.Parameters;
        p.AddWithValue("$list_id", lease.ListId);
        p.AddWithValue("$run_id", lease.RunId.ToString("D"));
        p.AddWithValue("$list_name", lease.ListName);
        p.AddWithValue("$trigger", HistoryValues.ToText(lease.Trigger));
        p.AddWithValue("$scheduled_for", HistoryValues.ToDb(lease.ScheduledFor));
        p.AddWithValue("$started_at", HistoryValues.ToText(lease.StartedAt));
        p.AddWithValue("$expires_at", HistoryValues.ToText(lease.ExpiresAt));
        p.AddWithValue("$owner_host", lease.Owner.Host);
        p.AddWithValue("$owner_pid", lease.Owner.ProcessId);
        p.AddWithValue("$owner_started", HistoryValues.ToText(lease.Owner.ProcessStarted));
        p.AddWithValue("$owner_kind", lease.Owner.Kind);
        p.AddWithValue("$owner_instance", lease.Owner.Instance.ToString("D"));
        p.AddWithValue("$stage", HistoryValues.ToDb(lease.Stage));
        p.AddWithValue("$correlation_id", HistoryValues.ToDb(lease.CorrelationId));
    }

    private static RunLease Read(SqliteDataReader r)
    {
        var owner = new LeaseOwner(r.GetString(7), r.GetInt32(8), HistoryValues.ParseTime(r.GetString(9)),
            Guid.ParseExact(r.GetString(11), "D"), r.GetString(10));
        return new RunLease(
            r.GetString(0),
            Guid.ParseExact(r.GetString(1), "D"),
            r.GetString(2),
            HistoryValues.ParseEnum<RunTrigger>(r.GetString(3)),
            r.IsDBNull(4) ? null : HistoryValues.ParseTime(r.GetString(4)),
            HistoryValues.ParseTime(r.GetString(5)),
            HistoryValues.ParseTime(r.GetString(6)),
            owner,
            r.IsDBNull(12) ? null : r.GetString(12),
            r.IsDBNull(13) ? null : r.GetString(13));
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
