using MonitorDashboard.Calculation;
using MonitorDashboard.Email;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.History;

public sealed class SqliteRunHistoryRoundTripTests : IAsyncDisposable
{
    private readonly HistoryTestDatabase _db = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_full_run_reads_back_with_every_field_equal()
    {
        var store = _db.Open();
        var run = RunSamples.Full();

        await store.AddAsync(run, Ct);
        var read = await store.GetAsync(run.Summary.RunId, Ct);

        Assert.NotNull(read);
        Assert.Equal(run.Summary, read.Summary);
        Assert.Equal(RunSamples.Json(run), RunSamples.Json(read));
    }

    [Fact]
    public async Task Decimals_keep_their_value_and_scale()
    {
        var store = _db.Open();
        var run = RunSamples.Full();
        await store.AddAsync(run, Ct);

        var rows = (await store.GetAsync(run.Summary.RunId, Ct))!.Result!.PartsToOrder;

        Assert.Equal(1233330.391234m, rows[0].ToOrder);
        Assert.Equal("237.50", rows[0].Available.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0.001m, rows[1].ToOrder);
        Assert.Equal(decimal.MaxValue, rows[2].Needed);
        Assert.Equal(-3.25m, rows[2].Available);
        Assert.Equal(["Widget Assembly", "Gadget@B"], rows[0].BelongsTo);
        Assert.Equal(new SubstituteInfo(103, "Resistor 10k 1%", 4.000m), rows[1].Substitutes[0]);
    }

    [Fact]
    public async Task Times_come_back_in_utc_to_the_tick()
    {
        var store = _db.Open();
        var full = RunSamples.Full();
        var berlin = TimeSpan.FromHours(2);
        var run = full with
        {
            Summary = full.Summary with
            {
                ScheduledFor = new DateTimeOffset(2025, 3, 30, 3, 0, 0, berlin),
                StartedAt = new DateTimeOffset(2025, 3, 30, 3, 0, 1, berlin).AddTicks(1234567),
            },
        };
        await store.AddAsync(run, Ct);

        var summary = (await store.GetAsync(run.Summary.RunId, Ct))!.Summary;

        Assert.Equal(TimeSpan.Zero, summary.StartedAt.Offset);
        Assert.Equal(run.Summary.StartedAt.UtcTicks, summary.StartedAt.UtcTicks);
        Assert.Equal(new DateTimeOffset(2025, 3, 30, 1, 0, 0, TimeSpan.Zero), summary.ScheduledFor);
        Assert.Equal(TimeSpan.Zero, summary.ScheduledFor!.Value.Offset);
        Assert.Equal("2025-03-30T01:00:01.1234567Z", _db.Scalar("SELECT started_at FROM runs"));
    }

    [Fact]
    public async Task A_run_without_result_or_email_reads_back_with_nulls_and_stores_no_payload()
    {
        var store = _db.Open();
        var missed = RunSamples.At("morning", 0, outcome: RunOutcome.Missed);
        var run = missed with { Summary = missed.Summary with { ScheduledFor = null, Error = "InvenTree unreachable: timeout", Trigger = RunTrigger.Cli } };

        await store.AddAsync(run, Ct);
        var read = await store.GetAsync(run.Summary.RunId, Ct);

        Assert.Equal(run.Summary, read!.Summary);
        Assert.Null(read.Result);
        Assert.Null(read.Email);
        Assert.Null(read.Delivery);
        Assert.IsType<DBNull>(_db.Scalar("SELECT payload FROM runs"));
    }

    [Fact]
    public async Task The_payload_is_gzip_and_enums_are_readable_names_in_the_columns()
    {
        var store = _db.Open();
        await store.AddAsync(RunSamples.Full(), Ct);

        var payload = (byte[])_db.Scalar("SELECT payload FROM runs")!;
        Assert.Equal([0x1f, 0x8b], payload[..2]);
        Assert.Equal("catch_up|shortages|partially_sent", _db.Scalar("SELECT trigger || '|' || outcome || '|' || email_outcome FROM runs"));
    }

    [Fact]
    public async Task An_unknown_run_is_null() => Assert.Null(await _db.Open().GetAsync(Guid.NewGuid(), Ct));

    [Fact]
    public async Task Every_delivery_outcome_survives_the_summary_column()
    {
        var store = _db.Open();
        foreach (var (outcome, i) in Enum.GetValues<DeliveryOutcome>().Select((o, i) => (o, i)))
        {
            var run = RunSamples.At("morning", i, outcome);
            await store.AddAsync(run, Ct);
            Assert.Equal(outcome, (await store.GetAsync(run.Summary.RunId, Ct))!.Summary.EmailOutcome);
        }
    }
}
