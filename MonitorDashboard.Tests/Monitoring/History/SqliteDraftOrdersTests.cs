using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.History;

/// <summary>The drafted orders of runs, in the history database on disk.</summary>
public sealed class SqliteDraftOrdersTests : IAsyncDisposable
{
    private readonly HistoryTestDatabase _db = new();
    private static readonly Guid Run = Guid.Parse("5d7f3a52-0f4b-4c44-9f4e-3f2b0c1d2e3f");
    private static readonly DateTimeOffset T = RunSamples.T0;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private IDraftOrderStore Open() => new SqliteDraftOrders(_db.OpenDatabase());

    private static DraftLineRecord Line(int supplierPartPk, DraftLineStatus status, int? linePk = null, string? reason = null, decimal quantity = 3) =>
        new(Run, 1, supplierPartPk, 140, "Resistor 10k 0603", "VC-R10K-REEL", quantity, linePk, status, reason, T);

    [Fact]
    public async Task A_run_without_drafts_has_none()
    {
        var drafts = await Open().ForRunAsync(Run, Ct);

        Assert.Empty(drafts.Orders);
        Assert.Empty(drafts.Lines);
    }

    [Fact]
    public async Task Orders_and_lines_read_back_as_written_after_reopening_the_file()
    {
        var order = new DraftOrderRecord(Run, 1, "Voltaic Components Ltd", 7, "PO-0007", T);
        var first = Open();
        Assert.True(await first.AddOrderAsync(order, Ct));
        await first.RecordLineAsync(Line(321, DraftLineStatus.Created, linePk: 13, quantity: 2.5m), Ct);
        await first.RecordLineAsync(Line(322, DraftLineStatus.Refused, reason: "part: Invalid pk \"322\" - object does not exist."), Ct);

        var read = await Open().ForRunAsync(Run, Ct);

        Assert.Equal([order], read.Orders);
        Assert.Equal([Line(321, DraftLineStatus.Created, linePk: 13, quantity: 2.5m),
                      Line(322, DraftLineStatus.Refused, reason: "part: Invalid pk \"322\" - object does not exist.")], read.Lines);
        Assert.Equal(13, read.CreatedLine(1, 321)!.LinePk);
        Assert.Null(read.CreatedLine(1, 322));
        Assert.Empty((await Open().ForRunAsync(Guid.NewGuid(), Ct)).Lines);
    }

    [Fact]
    public async Task A_second_order_for_the_same_run_and_supplier_is_not_recorded_and_the_first_stays()
    {
        var store = Open();
        await store.AddOrderAsync(new DraftOrderRecord(Run, 1, "Voltaic", 7, "PO-0007", T), Ct);

        var added = await store.AddOrderAsync(new DraftOrderRecord(Run, 1, "Voltaic", 8, "PO-0008", T), Ct);

        Assert.False(added);
        Assert.Equal("PO-0007", Assert.Single((await store.ForRunAsync(Run, Ct)).Orders).OrderReference);
    }

    [Fact]
    public async Task A_created_line_replaces_its_refusal_but_a_refusal_never_replaces_a_created_line()
    {
        var store = Open();
        await store.RecordLineAsync(Line(321, DraftLineStatus.Refused, reason: "no"), Ct);
        await store.RecordLineAsync(Line(321, DraftLineStatus.Created, linePk: 13), Ct);
        await store.RecordLineAsync(Line(321, DraftLineStatus.Refused, reason: "later"), Ct);

        var line = Assert.Single((await store.ForRunAsync(Run, Ct)).Lines);

        Assert.Equal((DraftLineStatus.Created, (int?)13, (string?)null), (line.Status, line.LinePk, line.Reason));
    }

    [Fact]
    public async Task A_created_line_drops_the_refusals_of_the_same_part_through_another_supplier_part()
    {
        var store = Open();
        await store.RecordLineAsync(Line(999, DraftLineStatus.Refused, reason: "gone"), Ct);
        await store.RecordLineAsync(Line(321, DraftLineStatus.Created, linePk: 13), Ct);

        var line = Assert.Single((await store.ForRunAsync(Run, Ct)).Lines);

        Assert.Equal((321, DraftLineStatus.Created), (line.SupplierPartPk, line.Status));
    }

    [Fact]
    public async Task A_database_of_the_previous_version_gains_the_draft_tables_and_keeps_its_runs_states_and_leases()
    {
        var older = _db.Open([.. HistorySchema.Migrations.Take(2)]);
        var run = RunSamples.Full();
        await older.AddAsync(run, Ct);
        await older.SaveStateAsync(new ListScheduleState("morning", T, null, "0 6 * * *|UTC", null, 3, false, false), Ct);
        await older.DisposeAsync();
        using (var connection = _db.Connect())
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO run_leases VALUES ('morning', 'r', 'Morning', 'manual', NULL, 's', 'e', 'host', 1, 'o', 'dashboard', 'i', NULL, NULL);
                """;
            insert.ExecuteNonQuery();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal(2L, _db.Scalar("PRAGMA user_version"));

        var drafts = Open();
        await drafts.AddOrderAsync(new DraftOrderRecord(run.Summary.RunId, 1, "Voltaic", 7, "PO-0007", T), Ct);
        var current = _db.Open();

        Assert.Equal((long)HistorySchema.Migrations.Count, _db.Scalar("PRAGMA user_version"));
        Assert.Equal(RunSamples.Json(run), RunSamples.Json(await current.GetAsync(run.Summary.RunId, Ct)));
        Assert.Equal(3, (await current.GetStateAsync("morning", Ct))!.ConsecutiveFailures);
        Assert.Equal(1L, _db.Scalar("SELECT COUNT(*) FROM run_leases"));
        Assert.Equal("PO-0007", Assert.Single((await drafts.ForRunAsync(run.Summary.RunId, Ct)).Orders).OrderReference);
    }
}
