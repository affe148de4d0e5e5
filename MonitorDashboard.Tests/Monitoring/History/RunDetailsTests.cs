using MonitorDashboard.Email;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.History;

/// <summary>
/// A run's details packed while its check waits: nothing of the result, email or delivery is lost, they are unpacked
/// only when read, and the history stores the packed form as it is.
/// </summary>
public sealed class RunDetailsTests : IAsyncDisposable
{
    private readonly HistoryTestDatabase _db = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public void Packed_details_read_back_the_same_result_email_and_delivery_unpacked_once_when_read()
    {
        var run = RunSamples.Full();

        var packed = run.Details.Pack();

        Assert.True(packed.IsPacked);
        Assert.Same(run.Delivery, packed.Delivery); // small, kept as it is: reading it unpacks nothing
        Assert.True(packed.IsPacked);
        Assert.Equal(RunSamples.Json(run.Result), RunSamples.Json(packed.Result));
        Assert.False(packed.IsPacked);
        Assert.Same(packed.Result, packed.Result);
        Assert.Equal(RunSamples.Json(run.Email), RunSamples.Json(packed.Email));
        Assert.Same(packed, packed.Pack());
    }

    [Fact]
    public void A_run_without_details_has_nothing_to_pack_or_store()
    {
        var missed = new RunRecord(RunSamples.At("morning", 0).Summary, null, null, null);

        Assert.Same(RunDetails.None, missed.Details);
        Assert.Same(RunDetails.None, missed.Details.Pack());
        Assert.Null(missed.Details.Payload);
    }

    [Fact]
    public async Task A_run_recorded_with_packed_details_is_stored_as_packed_and_reads_back_with_every_field_equal()
    {
        var store = _db.Open();
        var run = RunSamples.Full();
        var packed = run with { Details = run.Details.Pack() };

        Assert.Same(packed.Details.Payload, packed.Details.Payload); // stored as packed, not packed again
        await store.AddAsync(packed, Ct);
        var read = await store.GetAsync(run.Summary.RunId, Ct);

        Assert.NotNull(read);
        Assert.Equal(run.Summary, read.Summary);
        Assert.Equal(RunSamples.Json(run), RunSamples.Json(read));
        Assert.Equal(DeliveryOutcome.PartiallySent, read.Delivery?.Outcome);
    }
}
