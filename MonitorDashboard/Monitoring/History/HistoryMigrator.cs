using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace MonitorDashboard.Monitoring.History;

/// <summary>Brings a database up to the newest known schema, one transaction per step, and refuses newer ones.</summary>
internal static partial class HistoryMigrator
{
    public static void CheckOrder(IReadOnlyList<HistoryMigration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new ArgumentException($"Migration {i} has version {migrations[i].Version}; versions must run 1, 2, 3 ... without gaps", nameof(migrations));
            }
        }
    }

    /// <summary>Throws before anything is written when the file comes from a newer MonitorDashboard.</summary>
    public static async Task<int> RefuseNewerAsync(SqliteConnection connection, int known, string fileName, CancellationToken ct)
    {
        var version = await ReadVersionAsync(connection, null, ct);
        return version > known
            ? throw new InvalidOperationException($"{fileName} has schema version {version}, this MonitorDashboard knows up to {known}; upgrade the app")
            : version;
    }

    public static async Task MigrateAsync(
        SqliteConnection connection, IReadOnlyList<HistoryMigration> migrations, string fileName, ILogger logger, CancellationToken ct)
    {
        foreach (var migration in migrations)
        {
            // BEGIN IMMEDIATE takes the write lock first, so a second process starting at the same moment waits
            // here and then sees the step already applied instead of applying it twice.
            await using var transaction = connection.BeginTransaction(deferred: false);
            var version = await ReadVersionAsync(connection, transaction, ct);
            if (version > migrations.Count)
            {
                throw new InvalidOperationException($"{fileName} has schema version {version}, this MonitorDashboard knows up to {migrations.Count}; upgrade the app");
            }
            if (version >= migration.Version)
            {
                continue;
            }
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                // Version is an int from our own list, never user input: safe to format into the pragma.
                command.CommandText = $"{migration.Sql};\nPRAGMA user_version = {migration.Version};";
                await command.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
            LogMigrated(logger, fileName, migration.Version);
        }
    }

    private static async Task<int> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run history {File}: schema migrated to version {Version}")]
    private static partial void LogMigrated(ILogger logger, string file, int version);
}
