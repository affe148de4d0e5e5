using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.History;

/// <summary>A temp folder holding one test's monitor.db; opens stores on it and deletes everything afterwards.</summary>
public sealed class HistoryTestDatabase : IAsyncDisposable
{
    private readonly List<SqliteRunHistory> _stores = [];
    private readonly List<HistoryDatabase> _databases = [];

    public HistoryTestDatabase()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "md-history-" + Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Folder, "data", "monitor.db");
    }

    public string Folder { get; }

    public string Path { get; }

    /// <summary>How many runs per list the stores keep; tests may change it between adds.</summary>
    public int Retention { get; set; } = 500;

    internal SqliteRunHistory Open(IReadOnlyList<HistoryMigration>? migrations = null, IHistoryWriteObserver? observer = null)
    {
        var store = new SqliteRunHistory(Path, () => Retention, NullLogger.Instance, migrations, observer);
        _stores.Add(store);
        return store;
    }

    /// <summary>
    /// The file as one process of the app opens it (one pool, one busy timeout); two of these on one file behave like the
    /// dashboard and a <c>monitor run</c> process sharing it.
    /// </summary>
    internal HistoryDatabase OpenDatabase(TimeSpan? busyTimeout = null)
    {
        var database = new HistoryDatabase(Path, HistorySchema.Migrations, NullLogger.Instance, busyTimeout);
        _databases.Add(database);
        return database;
    }

    /// <summary>The history and the leases of one process, over one database object as the app registers them.</summary>
    internal (SqliteRunHistory History, SqliteRunLeases Leases) OpenProcess(TimeSpan? busyTimeout = null)
    {
        var database = OpenDatabase(busyTimeout);
        return (new SqliteRunHistory(database, () => Retention), new SqliteRunLeases(database, () => Retention));
    }

    /// <summary>A plain connection for looking at the file from outside the store.</summary>
    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public object? Scalar(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
