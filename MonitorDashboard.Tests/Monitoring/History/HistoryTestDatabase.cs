using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.History;

/// <summary>A temp folder holding one test's monitor.db; opens stores on it and deletes everything afterwards.</summary>
public sealed class HistoryTestDatabase : IAsyncDisposable
{
    private readonly List<SqliteRunHistory> _stores = [];

    public HistoryTestDatabase()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "md-history-" + Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Folder, "data", "monitor.db");
    }

    public string Folder { get; }

    public string Path { get; }

    /// <summary>How many runs per list the stores keep; tests may change it between adds.</summary>
    public int Retention { get; set; } = 500;

    internal SqliteRunHistory Open(IReadOnlyList<HistoryMigration>? migrations = null)
    {
        var store = new SqliteRunHistory(Path, () => Retention, NullLogger.Instance, migrations);
        _stores.Add(store);
        return store;
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
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
