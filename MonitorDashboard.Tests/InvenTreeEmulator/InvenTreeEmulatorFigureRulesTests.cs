using MonitorDashboard.InvenTree;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTreeEmulator;

/// <summary>
/// The §2 rules on a tiny hand-made fixture, for the cases the demo dataset does not contain (open sales
/// allocations, over-allocated stock, over-received order lines).
/// </summary>
public sealed class InvenTreeEmulatorFigureRulesTests
{
    // Part 1 "Bolt" (10 OK + 5 rejected), used by assembly 2 "Frame" which has one active and one complete build.
    private static FixtureJson Fixture() => new FixtureJson()
        .Part(1, "Bolt", new { purchaseable = true, component = true })
        .Part(2, "Frame", new { assembly = true })
        .Stock(1, 1, 10)
        .Stock(2, 1, 5, new { status = 65 })
        .Stock(3, 2, 3, new { is_building = true, build = 1 })
        .Add("build.build", 1, new { part = 2, quantity = 10, completed = 4, status = 20 })
        .Add("build.build", 2, new { part = 2, quantity = 50, completed = 50, status = 40 })
        .Add("part.bomitem", 1, new { part = 2, sub_part = 1, quantity = "2.00000" })
        .Add("build.buildline", 1, new { build = 1, bom_item = 1, quantity = "12.50000" })
        .Add("build.buildline", 2, new { build = 2, bom_item = 1, quantity = "100.00000" })
        .Add("build.builditem", 1, new { build_line = 1, stock_item = 1, quantity = "6.00000" })
        .Add("build.builditem", 2, new { build_line = 2, stock_item = 1, quantity = "50.00000" })
        .Add("order.salesorder", 1, new { status = 10 })
        .Add("order.salesorder", 2, new { status = 20 })
        .Add("order.salesorderlineitem", 1, new { order = 1, part = 1, quantity = "8.00000", shipped = "1.00000" })
        .Add("order.salesorderlineitem", 2, new { order = 2, part = 1, quantity = "100.00000", shipped = "0.00000" })
        .Add("order.salesordershipment", 1, new { order = 1, shipment_date = (string?)null })
        .Add("order.salesordershipment", 2, new { order = 1, shipment_date = "2024-01-01" })
        .Add("order.salesorderallocation", 1, new { line = 1, item = 1, shipment = 1, quantity = "4.00000" })
        .Add("order.salesorderallocation", 2, new { line = 1, item = 1, shipment = (int?)null, quantity = "3.00000" })
        .Add("order.salesorderallocation", 3, new { line = 1, item = 1, shipment = 2, quantity = "2.00000" })
        .Add("order.salesorderallocation", 4, new { line = 2, item = 1, quantity = "1.00000" })
        .Add("company.company", 1, new { name = "Acme", is_supplier = true })
        .Add("company.supplierpart", 1, new { part = 1, supplier = 1, SKU = "B-1", pack_quantity_native = "0.2500000000" })
        .Add("order.purchaseorder", 1, new { status = 20 })
        .Add("order.purchaseorder", 2, new { status = 30 })
        .Add("order.purchaseorderlineitem", 1, new { order = 1, part = 1, quantity = "10.00000", received = "2.00000" })
        .Add("order.purchaseorderlineitem", 2, new { order = 2, part = 1, quantity = "40.00000", received = "0.00000" })
        .Add("order.purchaseorderlineitem", 3, new { order = 1, part = 1, quantity = "5.00000", received = "7.00000" });

    [Fact]
    public async Task Figures_apply_status_groups_allocations_shipments_and_pack_sizes()
    {
        await using var emulator = await EmulatorServer.StartAsync(Fixture().Build(), cancellationToken: TestContext.Current.CancellationToken);
        using var client = EmulatorHttp.CreateClient(emulator);

        var bolt = await client.GetJsonAsync<InvenTreePart>("api/part/1/");

        Assert.Equal(10m, bolt.InStock);                   // the rejected item (status 65) is not in stock
        Assert.Equal(6m, bolt.AllocatedToBuildOrders);     // the complete build's allocation does not count
        Assert.Equal(7m, bolt.AllocatedToSalesOrders);     // 4 (unshipped shipment) + 3 (no shipment); shipped and closed-order ones not
        Assert.Equal(0m, bolt.UnallocatedStock);           // 10 − 13 clamped at API ≥ 359
        Assert.Equal(2m, bolt.Ordering);                   // (10 − 2) × 0.25; closed and over-received lines ignored
        Assert.Equal(12m, bolt.RequiredForBuildOrders);    // 12.5 truncated; the complete build's line ignored
        Assert.Equal(7m, bolt.RequiredForSalesOrders);     // 8 − 1 shipped on the open order only
    }

    [Fact]
    public async Task Assembly_figures_use_outputs_at_current_api_and_build_quantities_at_196()
    {
        var data = Fixture().Build();
        await using var current = await EmulatorServer.StartAsync(data, cancellationToken: TestContext.Current.CancellationToken);
        await using var legacy = await EmulatorServer.StartAsync(data, new EmulatorOptions { ApiVersion = 196 }, TestContext.Current.CancellationToken);
        using var currentClient = EmulatorHttp.CreateClient(current);
        using var legacyClient = EmulatorHttp.CreateClient(legacy);

        var now = await currentClient.GetJsonAsync<InvenTreePart>("api/part/2/");
        var then = await legacyClient.GetElementAsync("api/part/2/");

        Assert.Equal((3m, 6m, 0m), (now.Building, now.ScheduledToBuild!.Value, now.InStock)); // is_building output is not in stock
        Assert.Equal(10m, then.GetProperty("building").GetDecimal());
        Assert.False(then.TryGetProperty("scheduled_to_build", out _));
    }

    [Fact]
    public async Task Unallocated_stock_is_not_clamped_before_api_359()
    {
        await using var emulator = await EmulatorServer.StartAsync(Fixture().Build(), new EmulatorOptions { ApiVersion = 358 },
            TestContext.Current.CancellationToken);
        using var client = EmulatorHttp.CreateClient(emulator);

        var bolt = await client.GetJsonAsync<InvenTreePart>("api/part/1/");

        Assert.Equal(-3m, bolt.UnallocatedStock);
        Assert.NotNull(bolt.ScheduledToBuild); // 358 is already past 348
    }

    [Fact]
    public async Task Missing_optional_fields_get_sensible_defaults()
    {
        var data = new FixtureJson().Part(1, "Bare").Stock(1, 1, 2).Add("unknown.model", 1, new { x = 1 }).Build();
        await using var emulator = await EmulatorServer.StartAsync(data, cancellationToken: TestContext.Current.CancellationToken);
        using var client = EmulatorHttp.CreateClient(emulator);

        var part = await client.GetJsonAsync<InvenTreePart>("api/part/1/");

        Assert.Equal(new InvenTreePart { Pk = 1, Name = "Bare", FullName = "Bare", Description = "", Units = "", Active = true, InStock = 2, TotalInStock = 2,
            UnallocatedStock = 2, ScheduledToBuild = 0 }, part);
    }
}
