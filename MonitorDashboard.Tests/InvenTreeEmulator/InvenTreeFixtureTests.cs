using MonitorDashboard.InvenTree;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTreeEmulator;

public sealed class InvenTreeFixtureTests
{
    // A template (1) with one variant (2); the variant has one stock item of 10.
    private static InvenTreeFixture TemplateWithVariant() => new FixtureJson()
        .Part(1, "Widget", new { is_template = true })
        .Part(2, "Red Widget", new { variant_of = 1 })
        .Stock(1, 2, 10)
        .Build();

    [Fact]
    public async Task Stock_mutations_change_the_figures_on_the_next_request()
    {
        var data = TemplateWithVariant();
        await using var emulator = await EmulatorServer.StartAsync(data, cancellationToken: TestContext.Current.CancellationToken);
        using var client = EmulatorHttp.CreateClient(emulator);
        async Task<(decimal Variant, decimal Template)> Stock() =>
            ((await client.GetJsonAsync<InvenTreePart>("api/part/2/")).InStock, (await client.GetJsonAsync<InvenTreePart>("api/part/1/")).VariantStock);

        var before = await Stock();
        data.SetStockItemQuantity(1, 4);
        var afterSet = await Stock();
        var added = data.AddStockItem(2, 6.5m);
        var afterAdd = await Stock();
        data.RemoveStockItem(1);
        var afterRemove = await Stock();

        Assert.Equal([(10m, 10m), (4m, 4m), (10.5m, 10.5m), (6.5m, 6.5m)], [before, afterSet, afterAdd, afterRemove]);
        Assert.Equal(2, added);
        Assert.Equal([2], data.StockItemPks(2));
        Assert.Equal(6.5m, data.StockItemQuantity(added));
    }

    [Fact]
    public void Mutating_unknown_objects_fails_clearly()
    {
        var data = TemplateWithVariant();

        Assert.Throws<KeyNotFoundException>(() => data.RemoveStockItem(99));
        Assert.Throws<KeyNotFoundException>(() => data.SetStockItemQuantity(99, 1));
        Assert.Throws<KeyNotFoundException>(() => data.AddStockItem(99, 1));
    }

    [Fact]
    public void Read_helpers_find_parts_by_name()
    {
        var data = TemplateWithVariant();

        Assert.Equal((2, (int?)2, (int?)null), (data.PartCount, data.FindPartPk("Red Widget"), data.FindPartPk("red widget")));
    }

    [Fact]
    public void A_fixture_that_is_not_a_list_is_rejected()
    {
        Assert.Throws<InvalidDataException>(() => InvenTreeFixture.Parse(new MemoryStream("""{"model":"part.part"}"""u8.ToArray())));
    }

    [Fact]
    public void The_demo_dataset_loads_every_part()
    {
        var data = InvenTreeFixture.Load(TestPaths.RequireDemoDataset());

        Assert.Equal(414, data.PartCount);
        Assert.Equal(77, data.FindPartPk("Widget Assembly"));
    }
}
