using Microsoft.Data.Sqlite;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Benchmarks.Scale;

/// <summary>How far the burst is: runs of the burst minute recorded in the history, by outcome, and reports in the outbox.</summary>
/// <param name="LastFinished">When the last recorded run of the burst finished (the app's clock, in the history).</param>
internal sealed record BurstCount(int Runs, int Reports, DateTimeOffset? LastFinished, IReadOnlyDictionary<string, int> Outcomes);

/// <summary>
/// Reads the app's history database read-only (the <c>runs</c> table, rows whose <c>scheduled_for</c> is the burst
/// minute) and counts report .eml files in its outbox. Reading beside the app is safe: the database is in WAL mode,
/// where a reader never blocks the writer.
/// </summary>
internal sealed class BurstProgress(string databasePath, string outboxFolder, DateTimeOffset burst) : IAsyncDisposable
{
    private SqliteConnection? _connection;

    public async Task<BurstCount> ReadAsync(CancellationToken cancellationToken)
    {
        var reports = Directory.Exists(outboxFolder)
            ? Directory.EnumerateFiles(outboxFolder, "*-report-*.eml").Count()
            : 0;
        if (!File.Exists(databasePath))
        {
            return new BurstCount(0, reports, null, new Dictionary<string, int>());
        }
        _connection ??= await OpenAsync(cancellationToken);
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT outcome, COUNT(*), MAX(finished_at) FROM runs WHERE scheduled_for = $burst GROUP BY outcome";
        command.Parameters.AddWithValue("$burst", HistoryValues.ToText(burst));
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        DateTimeOffset? last = null;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            outcomes[reader.GetString(0)] = reader.GetInt32(1);
            var finished = HistoryValues.ParseTime(reader.GetString(2));
            last = last is null || finished > last ? finished : last;
        }
        return new BurstCount(outcomes.Values.Sum(), reports, last, outcomes);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 5,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
