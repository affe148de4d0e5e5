using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace MonitorDashboard.Monitoring.History;

/// <summary>
/// The SQLite file: prepares it once (folder, WAL, migrations) and hands out pooled connections, one per
/// operation, each set up for sharing the file with another process.
/// </summary>
internal sealed class HistoryDatabase : IAsyncDisposable
{
    // busy_timeout: the dashboard and a `monitor run` process write to the same file; a writer waits for the
    // other's transaction instead of failing. synchronous=NORMAL is durable enough in WAL mode (a power cut can
    // lose the last commits, never corrupt the file) and avoids an fsync per run.
    private readonly string _connectionPragmas;

    private readonly string _connectionString;
    private readonly IReadOnlyList<HistoryMigration> _migrations;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _ready;
    private bool _disposed;

    public HistoryDatabase(string path, IReadOnlyList<HistoryMigration> migrations, ILogger logger, TimeSpan? busyTimeout = null)
    {
        var busy = (long)(busyTimeout ?? TimeSpan.FromSeconds(5)).TotalMilliseconds;
        _connectionPragmas = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {busy}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
        HistoryMigrator.CheckOrder(migrations);
        FullPath = System.IO.Path.GetFullPath(path);
        _migrations = migrations;
        _logger = logger;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy database on its own until this many seconds passed (0 would be for
            // ever); together with busy_timeout it bounds how long a write waits for another process.
            DefaultTimeout = (int)Math.Max(1, Math.Ceiling(busy / 1000.0)),
        }.ToString();
    }

    public string FullPath { get; }

    private string FileName => System.IO.Path.GetFileName(FullPath);

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_ready)
        {
            await InitializeAsync(ct);
        }
        return await OpenConnectionAsync(ct);
    }

    private async Task InitializeAsync(CancellationToken ct)
    {
        await _initLock.WaitAsync(ct);
        try
        {
            if (_ready)
            {
                return;
            }
            if (System.IO.Path.GetDirectoryName(FullPath) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }
            await using var connection = await OpenConnectionAsync(ct);
            await HistoryMigrator.RefuseNewerAsync(connection, _migrations.Count, FileName, ct);
            await using (var wal = connection.CreateCommand())
            {
                // Persistent in the file; readers (the dashboard) never block the writer (a check) and vice versa.
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                await wal.ExecuteNonQueryAsync(ct);
            }
            await HistoryMigrator.MigrateAsync(connection, _migrations, FileName, _logger, ct);
            _ready = true;
        }
        finally
        {
            _initLock.Release();
        }
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = _connectionPragmas;
            await command.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        // Pooled connections keep the file (and its -wal/-shm) open; release them so a restart or a test can
        // reopen or delete the file.
        await using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
