using MonitorDashboard.InvenTree;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTree;

/// <summary>Drafting purchase orders over real HTTP against the emulator on the sample catalog.</summary>
public sealed class InvenTreeOrderWriterTests
{
    private const int Voltaic = 1, Northwind = 3, ReelOf10k = 321, LteModemNorthwind = 340;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_drafted_order_is_Pending_with_a_server_made_reference_and_reads_back_with_its_lines()
    {
        await using var harness = await InvenTreeHarness.StartAsync();

        var order = await harness.OrderWriter.CreatePendingOrderAsync(Voltaic, "Drafted from monitoring list Gateways, run 42", Ct);
        var line = await harness.OrderWriter.AddLineAsync(order.Pk, ReelOf10k, 3, "Gateways", Ct);

        Assert.Equal("PO-0007", order.Reference); // the sample catalog's orders go to PO-0006
        Assert.Equal(InvenTreePurchaseOrderStatus.Pending, order.Status);
        Assert.Equal("Voltaic Components Ltd", order.SupplierName);
        var read = await harness.Client.GetPurchaseOrderAsync(order.Pk, Ct);
        Assert.Equal((order.Reference, "Drafted from monitoring list Gateways, run 42", Voltaic), (read.Reference, read.Description, read.Supplier));
        var lines = await harness.Client.GetPurchaseOrderLinesAsync([order.Pk], Ct);
        Assert.Equal([(line.Pk, ReelOf10k, 3m, "Gateways", 140)], lines.Select(l => (l.Pk, l.Part!.Value, l.Quantity, l.Reference, l.InternalPart!.Value)));
    }

    [Fact]
    public async Task A_second_line_for_the_same_supplier_part_is_merged_into_the_first()
    {
        await using var harness = await InvenTreeHarness.StartAsync();
        var order = await harness.OrderWriter.CreatePendingOrderAsync(Voltaic, "merge", Ct);

        var first = await harness.OrderWriter.AddLineAsync(order.Pk, ReelOf10k, 3, null, Ct);
        var second = await harness.OrderWriter.AddLineAsync(order.Pk, ReelOf10k, 2, null, Ct);

        Assert.Equal(first.Pk, second.Pk);
        Assert.Equal(5m, second.Quantity);
        Assert.Single(await harness.Client.GetPurchaseOrderLinesAsync([order.Pk], Ct));
    }

    [Fact]
    public async Task An_unknown_supplier_part_is_refused_with_a_message_naming_the_endpoint_and_the_field()
    {
        await using var harness = await InvenTreeHarness.StartAsync();
        var order = await harness.OrderWriter.CreatePendingOrderAsync(Voltaic, "refused", Ct);

        var error = await Assert.ThrowsAsync<InvenTreeRequestException>(() => harness.OrderWriter.AddLineAsync(order.Pk, 999999, 1, null, Ct));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("InvenTree rejected POST /api/order/po-line/: HTTP 400: part: Invalid pk \"999999\" - object does not exist.", error.Message);
        Assert.DoesNotContain(harness.Emulator.Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supplier_part_of_another_supplier_is_refused()
    {
        await using var harness = await InvenTreeHarness.StartAsync();
        var order = await harness.OrderWriter.CreatePendingOrderAsync(Voltaic, "wrong supplier", Ct);

        var error = await Assert.ThrowsAsync<InvenTreeRequestException>(() => harness.OrderWriter.AddLineAsync(order.Pk, LteModemNorthwind, 1, null, Ct));

        Assert.Contains("part: Supplier must match purchase order", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_order_is_gone_with_its_lines()
    {
        await using var harness = await InvenTreeHarness.StartAsync();
        var order = await harness.OrderWriter.CreatePendingOrderAsync(Northwind, "clean-up", Ct);
        await harness.OrderWriter.AddLineAsync(order.Pk, LteModemNorthwind, 10, null, Ct);
        var modemsOnOrder = (await harness.Client.GetPartAsync(160, Ct)).Ordering;

        await harness.OrderWriter.DeleteOrderAsync(order.Pk, Ct);

        await Assert.ThrowsAsync<InvenTreeNotFoundException>(() => harness.Client.GetPurchaseOrderAsync(order.Pk, Ct));
        Assert.Equal(modemsOnOrder - 10, (await harness.Client.GetPartAsync(160, Ct)).Ordering);
        var again = await Assert.ThrowsAsync<InvenTreeNotFoundException>(() => harness.OrderWriter.DeleteOrderAsync(order.Pk, Ct));
        Assert.Contains($"DELETE /api/order/po/{order.Pk}/", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_whose_answer_never_came_is_not_sent_again_and_says_it_may_have_been_applied()
    {
        await using var harness = await InvenTreeHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["InvenTree:RequestTimeout"] = "00:00:01",
        });
        var ordersBefore = (await harness.Client.GetOpenPurchaseOrdersAsync(Ct)).Count;
        // The server creates the order, then its answer stalls half-way: the client's deadline passes.
        harness.Emulator.Faults.PathFilter = "/api/order/po/";
        harness.Emulator.Faults.StallMidBody = true;

        var error = await Assert.ThrowsAsync<InvenTreeUnreachableException>(
            () => harness.OrderWriter.CreatePendingOrderAsync(Voltaic, "timed out", Ct));

        harness.Emulator.Faults.Reset();
        Assert.Single(harness.Emulator.Requests, r => r.Method == "POST");
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.Contains("may have applied it", error.Message, StringComparison.Ordinal);
        Assert.Equal(ordersBefore + 1, (await harness.Client.GetOpenPurchaseOrdersAsync(Ct)).Count);
    }

    [Fact]
    public async Task A_server_error_on_a_write_is_reported_without_a_retry()
    {
        await using var harness = await InvenTreeHarness.StartAsync();
        harness.Emulator.Faults.PathFilter = "/api/order/po/";
        harness.Emulator.Faults.FailNext(503);

        var error = await Assert.ThrowsAsync<InvenTreeUnreachableException>(
            () => harness.OrderWriter.CreatePendingOrderAsync(Voltaic, "503", Ct));

        Assert.Single(harness.Emulator.Requests, r => r.Method == "POST");
        Assert.StartsWith("InvenTree kept failing for POST /api/order/po/: HTTP 503", error.Message, StringComparison.Ordinal);
    }
}
