using MonitorDashboard.InvenTree;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTree;

/// <summary>
/// What an order proposal reads about buying parts, over HTTP from the emulator: supplier parts with their supplier,
/// primary flag, packs and price breaks, and what is already on open orders — in a handful of requests however many
/// parts are asked about.
/// </summary>
public sealed class PurchasingReaderTests(DemoDatasetHarnessFixture demo) : IClassFixture<DemoDatasetHarnessFixture>
{
    private const int LteModem = 160, Resistor10k = 140, ScrewA2 = 185, Mcu = 130, CableTie = 195;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Supplier_parts_price_breaks_and_open_orders_of_several_parts_take_four_requests_on_the_sample_catalog()
    {
        await using var harness = await InvenTreeHarness.StartAsync();

        InvenTreePurchasing purchasing;
        using (RequestTally.Begin(out var tally))
        {
            purchasing = await harness.Purchasing.ReadAsync([LteModem, Resistor10k, ScrewA2, Mcu, CableTie], Ct);
            // supplier parts, price breaks, open orders, their lines: each list fits one page.
            Assert.Equal(4, tally.Count);
        }

        var modem = purchasing.SupplierPartsOf(LteModem);
        Assert.Equal([340, 374], modem.Select(s => s.Pk));
        Assert.Equal([true, false], modem.Select(s => s.Primary));
        Assert.Equal(["Northwind Modules Inc.", "Voltaic Components Ltd"], modem.Select(s => s.SupplierName));
        Assert.Equal([(1m, 38.50m), (10m, 34.90m), (50m, 31.20m)], purchasing.PriceBreaksOf(340).Select(b => (b.Quantity, b.Price!.Value)));
        Assert.All(purchasing.PriceBreaksOf(340), b => Assert.Equal("EUR", b.PriceCurrency));
        Assert.Equal(5000m, Assert.Single(purchasing.SupplierPartsOf(Resistor10k)).PackQuantityNative);
        Assert.Empty(purchasing.PriceBreaksOf(312)); // not asked about, and has none anyway
    }

    [Fact]
    public async Task Already_on_order_is_what_InvenTree_counts_in_the_parts_ordering()
    {
        await using var harness = await InvenTreeHarness.StartAsync();
        int[] parts = [LteModem, Resistor10k, ScrewA2, Mcu, CableTie];

        var purchasing = await harness.Purchasing.ReadAsync(parts, Ct);

        foreach (var pk in parts)
        {
            var part = await harness.Client.GetPartAsync(pk, Ct);
            Assert.Equal(part.Ordering, purchasing.OnOrder(pk));
        }
        // PO-0001 (Placed): 60 modems, 20 received. PO-0003 (On hold): 5 packs of 100 screws.
        Assert.Equal(40m, purchasing.OnOrder(LteModem));
        var screws = Assert.Single(purchasing.OpenOrderLinesOf(ScrewA2));
        Assert.Equal((5m, 100m, 500m), (screws.Line.Quantity, screws.SupplierPart.PackQuantityNative, screws.OutstandingPartUnits));
        Assert.Equal(InvenTreePurchaseOrderStatus.OnHold, screws.Order.Status);
        Assert.Equal(0m, purchasing.OnOrder(Resistor10k));
    }

    [Fact]
    public async Task A_draft_order_counts_as_already_on_order_at_once()
    {
        await using var harness = await InvenTreeHarness.StartAsync();
        var order = await harness.OrderWriter.CreatePendingOrderAsync(1, "test draft", Ct);
        await harness.OrderWriter.AddLineAsync(order.Pk, 321, 2, null, Ct); // two reels of 5000

        var purchasing = await harness.Purchasing.ReadAsync([Resistor10k], Ct);

        Assert.Equal(10_000m, purchasing.OnOrder(Resistor10k));
        Assert.Equal(order.Reference, Assert.Single(purchasing.OpenOrderLinesOf(Resistor10k)).Order.Reference);
    }

    [Fact]
    public async Task Few_parts_in_a_long_supplier_part_list_are_asked_for_one_by_one()
    {
        var harness = demo.Harness; // 773 supplier parts: four pages of 250

        IReadOnlyList<InvenTreeSupplierPart> found;
        using (RequestTally.Begin(out var tally))
        {
            found = await harness.Client.GetSupplierPartsOfPartsAsync([82, 43], Ct);
            // The first page shows three more to come: two parts are cheaper asked for alone.
            Assert.Equal(3, tally.Count);
        }

        Assert.Contains(found, s => s.Pk == 204 && s.Part == 82 && s.SupplierName == "Mouser");
        Assert.All(found, s => Assert.Contains(s.Part, new[] { 82, 43 }));
    }

    [Fact]
    public async Task Many_parts_walk_the_whole_supplier_part_list_instead()
    {
        var harness = demo.Harness;
        int[] parts = [.. Enumerable.Range(40, 10)];

        IReadOnlyList<InvenTreeSupplierPart> found;
        using (RequestTally.Begin(out var tally))
        {
            found = await harness.Client.GetSupplierPartsOfPartsAsync(parts, Ct);
            Assert.Equal(4, tally.Count); // 773 supplier parts in pages of 250
        }

        Assert.NotEmpty(found);
        Assert.All(found, s => Assert.Contains(s.Part, parts));
        var onePerPart = await Task.WhenAll(parts.Select(p => harness.Client.GetSupplierPartsOfPartsAsync([p], Ct)));
        Assert.Equal(onePerPart.SelectMany(l => l).Select(s => s.Pk).Order(), found.Select(s => s.Pk).Order());
    }

    [Fact]
    public async Task No_parts_cost_no_requests()
    {
        await using var harness = await InvenTreeHarness.StartAsync();

        var purchasing = await harness.Purchasing.ReadAsync([], Ct);

        Assert.Empty(purchasing.SupplierParts);
        Assert.Equal(0, harness.Emulator.RequestCount);
    }
}
