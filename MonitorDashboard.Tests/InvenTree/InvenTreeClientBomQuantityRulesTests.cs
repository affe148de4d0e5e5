using MonitorDashboard.Calculation;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTree;

/// <summary>
/// The client reads a BOM line's attrition, setup quantity and rounding multiple (API 371+), and a check through it
/// requires what InvenTree's build orders would; from an older server the fields are absent and it is quantity × N.
/// </summary>
public sealed class InvenTreeClientBomQuantityRulesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Frame → Bolt ×2 with 10 % attrition, a setup of 3 and boxes of 10; Frame → Washer ×4 plain.</summary>
    private static InvenTreeFixture FrameWithBolts() => new FixtureJson()
        .Part(1, "Frame", new { assembly = true })
        .Part(2, "Bolt", new { purchaseable = true })
        .Part(3, "Washer", new { purchaseable = true })
        .Add("part.bomitem", 11, new
        {
            part = 1, sub_part = 2, quantity = "2.00000", attrition = "10.00", setup_quantity = "3.00000", rounding_multiple = "10.00000",
        })
        .Add("part.bomitem", 12, new { part = 1, sub_part = 3, quantity = "4.00000" })
        .Build();

    [Fact]
    public async Task The_client_reads_the_three_fields_and_null_for_an_unset_multiple()
    {
        await using var harness = await InvenTreeHarness.StartAsync(FrameWithBolts());

        var lines = await harness.Client.GetBomAsync(1, includeSubstitutes: false, Ct);

        var bolt = Assert.Single(lines, l => l.Pk == 11);
        Assert.Equal((10m, 3m, 10m), (bolt.Attrition, bolt.SetupQuantity, bolt.RoundingMultiple));
        var washer = Assert.Single(lines, l => l.Pk == 12);
        Assert.Equal((0m, 0m, null), (washer.Attrition, washer.SetupQuantity, washer.RoundingMultiple));
    }

    [Fact]
    public async Task From_a_server_older_than_api_371_the_fields_are_absent()
    {
        await using var harness = await InvenTreeHarness.StartAsync(FrameWithBolts(), new EmulatorOptions { ApiVersion = 370 });

        var bolt = Assert.Single(await harness.Client.GetBomAsync(1, includeSubstitutes: false, Ct), l => l.Pk == 11);

        Assert.Equal((null, null, null), (bolt.Attrition, bolt.SetupQuantity, bolt.RoundingMultiple));
    }

    [Theory]
    // API 371+: 2 × 10 = 20; × 1.1 = 22; + 3 = 25; boxes of 10 → 30. Washers 4 × 10 = 40.
    [InlineData(511, 30)]
    [InlineData(371, 30)]
    // API 370: the server does not send the fields → plain 2 × 10 = 20.
    [InlineData(370, 20)]
    public async Task A_check_requires_what_the_servers_build_orders_would(int apiVersion, decimal bolts)
    {
        await using var harness = await InvenTreeHarness.StartAsync(FrameWithBolts(), new EmulatorOptions { ApiVersion = apiVersion });

        var result = (await harness.Calculation.RunAsync([new PartRequest(null, null, 1, 10)], CalculationOptions.Default, Ct)).Result;

        Assert.Equal(
            [(2, bolts), (3, 40m)],
            result.PartsToOrder.Select(o => (o.Pk, o.ToOrder)));
    }
}
