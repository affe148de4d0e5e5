using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.History;

public sealed class SqliteRunHistorySchemaTests : IAsyncDisposable
{
    private readonly HistoryTestDatabase _db = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static int Current => HistorySchema.Migrations.Count;

    /// <summary>The schema of a newer MonitorDashboard: today's plus one step.</summary>
    private static readonly IReadOnlyList<HistoryMigration> WithNext =
    [
        .. HistorySchema.Migrations,
        new(HistorySchema.Migrations.Count + 1, """
            ALTER TABLE runs ADD COLUMN note TEXT NULL;
            UPDATE runs SET note = 'from before';
            CREATE TABLE next_marker (x INTEGER);
            """),
    ];

    [Fact]
    public async Task The_first_use_creates_the_folder_the_file_wal_mode_and_the_schema_version()
    {
        Assert.False(Directory.Exists(Path.GetDirectoryName(_db.Path)));

        await _db.Open().CountAsync("a", Ct);

        Assert.True(File.Exists(_db.Path));
        Assert.Equal("wal", _db.Scalar("PRAGMA journal_mode"));
        Assert.Equal((long)HistorySchema.Migrations.Count, _db.Scalar("PRAGMA user_version"));
    }

    [Fact]
    public async Task History_survives_disposing_and_reopening_the_store()
    {
        var run = RunSamples.Full();
        var first = _db.Open();
        await first.AddAsync(run, Ct);
        await first.SaveStateAsync(new ListScheduleState("morning", RunSamples.T0, null, "0 6 * * *|UTC", null, 0, false, false), Ct);
        await first.DisposeAsync();

        var second = _db.Open();

        Assert.Equal(RunSamples.Json(run), RunSamples.Json(await second.GetAsync(run.Summary.RunId, Ct)));
        Assert.Equal(RunSamples.T0, (await second.GetStateAsync("morning", Ct))!.NextDue);
    }

    [Fact]
    public async Task A_store_used_after_disposal_says_so()
    {
        var store = _db.Open();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.CountAsync("a", Ct));
    }

    [Fact]
    public async Task A_forward_migration_keeps_the_rows_of_the_older_version()
    {
        var older = _db.Open();
        var run = RunSamples.Full();
        await older.AddAsync(run, Ct);
        await older.DisposeAsync();

        var newer = _db.Open(WithNext);
        var read = await newer.GetAsync(run.Summary.RunId, Ct);
        await newer.AddAsync(RunSamples.At("morning", 600), Ct);

        Assert.Equal(RunSamples.Json(run), RunSamples.Json(read));
        Assert.Equal((long)Current + 1, _db.Scalar("PRAGMA user_version"));
        Assert.Equal("from before", _db.Scalar($"SELECT note FROM runs WHERE run_id = '{run.Summary.RunId}'"));
        Assert.Equal(2, await newer.CountAsync("morning", Ct));
    }

    [Fact]
    public async Task A_database_of_the_first_release_gains_leases_and_kept_hashes_and_keeps_its_runs_and_states()
    {
        var first = _db.Open([HistorySchema.Migrations[0]]);
        var run = RunSamples.Full();
        await first.AddAsync(run, Ct);
        await first.DisposeAsync();
        using (var connection = _db.Connect())
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO list_state (list_id, next_due, consecutive_failures) VALUES ('morning', '2025-03-03T06:00:00.0000000Z', 2);";
            insert.ExecuteNonQuery();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var current = _db.Open();
        var state = await current.GetStateAsync("morning", Ct);

        Assert.Equal(RunSamples.Json(run), RunSamples.Json(await current.GetAsync(run.Summary.RunId, Ct)));
        Assert.Equal((2, null, null), (state!.ConsecutiveFailures, state.UnsavedHash, state.UnsavedHashBase));
        Assert.Equal(0L, _db.Scalar("SELECT COUNT(*) FROM run_leases"));
        Assert.Equal((long)Current, _db.Scalar("PRAGMA user_version"));
    }

    [Fact]
    public async Task A_database_from_a_newer_app_is_refused_and_left_as_it_was()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_db.Path)!);
        _db.Scalar("PRAGMA user_version = 7");

        var store = _db.Open();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.CountAsync("a", Ct));

        Assert.Equal($"monitor.db has schema version 7, this MonitorDashboard knows up to {HistorySchema.Migrations.Count}; upgrade the app", error.Message);
        Assert.Equal("delete", _db.Scalar("PRAGMA journal_mode"));
        Assert.Equal(0L, _db.Scalar("SELECT COUNT(*) FROM sqlite_master"));
        // Still refused on the next call, not silently accepted.
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.LatestPerListAsync(Ct));
    }

    [Fact]
    public async Task An_older_app_refuses_a_database_a_newer_app_migrated()
    {
        await _db.Open(WithNext).CountAsync("a", Ct);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Open().CountAsync("a", Ct));

        Assert.Contains($"schema version {Current + 1}, this MonitorDashboard knows up to {Current}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrations_must_be_numbered_without_gaps() =>
        Assert.Throws<ArgumentException>(() => _db.Open([.. HistorySchema.Migrations, new HistoryMigration(Current + 2, "SELECT 1")]));
}
