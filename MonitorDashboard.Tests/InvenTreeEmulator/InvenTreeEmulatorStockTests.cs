using System.Net;
using System.Text.Json;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTreeEmulator;

/// <summary>
/// <c>/api/stock/</c> and the build list without a part, as the legacy "in production" rule reads them, on the demo
/// dataset: 21 stock items are being built (14 Widget Assembly, 2 Blue Round Table, 2 Red Square Table, one each of
/// Test Board 1, 2 and 3); 11 of the 16 builds are active.
/// </summary>
public sealed class InvenTreeEmulatorStockTests(DemoEmulatorFixture demo) : IClassFixture<DemoEmulatorFixture>
{
    [Fact]
    public async Task Stock_being_built_is_listed_with_the_fields_the_client_reads()
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        var page = await client.GetJsonAsync<InvenTreePage<InvenTreeStockItem>>("api/stock/?is_building=true&limit=100");

        Assert.Equal(21, page.Count);
        Assert.All(page.Results, item => Assert.True(item.IsBuilding));
        Assert.Equal(14, page.Results.Count(i => i.Part == 77));
        Assert.Contains(new InvenTreeStockItem { Pk = 323, Part = 100, Quantity = 40, IsBuilding = true }, page.Results);
        using var raw = await client.GetJsonAsync<JsonDocument>("api/stock/?is_building=true&limit=1");
        Assert.Equal(
            ["pk", "part", "quantity", "is_building", "status", "build"],
            raw.RootElement.GetProperty("results")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_part_filter_includes_variants_unless_told_not_to()
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        // Blue Round Table (100) is a variant of Round Table (94).
        var withVariants = await client.GetJsonAsync<InvenTreeStockItem[]>("api/stock/?part=94&is_building=true");
        var exact = await client.GetJsonAsync<InvenTreeStockItem[]>("api/stock/?part=94&is_building=true&include_variants=false");

        Assert.Equal([(322, 100, 10m), (323, 100, 40m)], withVariants.Select(i => (i.Pk, i.Part, i.Quantity)));
        Assert.Empty(exact);
    }

    [Fact]
    public async Task Unknown_stock_filters_are_ignored_and_an_unknown_part_is_a_400()
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        var ignored = await client.GetJsonAsync<InvenTreePage<InvenTreeStockItem>>("api/stock/?is_building=true&building_status=20&limit=1");
        var notBuilding = await client.GetJsonAsync<InvenTreePage<InvenTreeStockItem>>("api/stock/?is_building=false&limit=1");
        var all = await client.GetJsonAsync<InvenTreePage<InvenTreeStockItem>>("api/stock/?limit=1");
        using var response = await client.GetAsync("api/stock/?part=99999&limit=1", TestContext.Current.CancellationToken);

        Assert.Equal(21, ignored.Count);
        Assert.Equal(all.Count - 21, notBuilding.Count);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"part\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Active_builds_of_every_part_are_listed_in_one_list()
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        var builds = await client.GetJsonAsync<InvenTreeBuild[]>("api/build/?active=true");

        Assert.Equal([1, 2, 3, 4, 5, 7, 10, 11, 13, 14, 16], builds.Select(b => b.Pk).Order());
        Assert.Contains(new InvenTreeBuild { Pk = 4, Part = 112, Quantity = 25, Completed = 20, Status = 20 }, builds);
    }
}
