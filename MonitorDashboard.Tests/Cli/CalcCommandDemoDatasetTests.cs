using System.Text.Json;
using MonitorDashboard.Calculation;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Cli;

/// <summary><c>calc --json</c> run as a process against an emulator serving InvenTree's public demo dataset.</summary>
[ProcessTests]
public sealed class CalcCommandDemoDatasetTests
{
    [Fact]
    public async Task Json_for_the_master_assembly_matches_the_in_process_calculation_and_costs_two_requests_per_assembly()
    {
        var path = TestPaths.RequireDemoDataset();
        await using var harness = await InvenTreeHarness.StartAsync(InvenTreeFixture.Load(path));

        var process = await AppProcess.RunAsync(["calc", "Master Assembly:60", "--json"], new Dictionary<string, string?>
        {
            ["INVENTREE_URL"] = harness.Emulator.BaseAddress.ToString(),
            ["INVENTREE_API_TOKEN"] = harness.Emulator.Token,
        });
        var servedToProcess = harness.Emulator.RequestCount;
        var expected = (await harness.Calculation.RunAsync([new("Master Assembly", null, null, 60)], CalculationOptions.Default,
            TestContext.Current.CancellationToken)).Result;

        Assert.True(process.ExitCode == 0, process.StdErr);
        using var json = JsonDocument.Parse(process.StdOut);
        var root = json.RootElement;
        Assert.Equal(
            ["parts_to_order", "subassemblies_to_build", "critical", "not_found", "warnings", "in_production_rule", "replenish_to_minimum", "requests"],
            root.EnumerateObject().Select(p => p.Name));

        var orders = root.GetProperty("parts_to_order").EnumerateArray().ToList();
        Assert.Equal(
            ["pk", "name", "ipn", "revision", "needed", "total_in_stock", "required_for_build_orders", "required_for_sales_orders",
             "available", "on_order", "to_order", "optional", "consumable", "belongs_to", "substitutes", "for_demand", "replenishment", "minimum_stock"],
            orders[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            expected.PartsToOrder.Select(o => (o.Pk, o.Needed, o.Available, o.OnOrder, o.ToOrder)),
            orders.Select(o => (Int(o, "pk"), Dec(o, "needed"), Dec(o, "available"), Dec(o, "on_order"), Dec(o, "to_order"))));

        var builds = root.GetProperty("subassemblies_to_build").EnumerateArray().ToList();
        Assert.Equal(
            ["pk", "name", "needed", "available", "in_production", "to_build", "optional", "belongs_to",
             "required_for_build_orders", "required_for_sales_orders"],
            builds[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            expected.SubassembliesToBuild.Select(b => (b.Pk, b.Needed, b.Available, b.InProduction, b.ToBuild)),
            builds.Select(b => (Int(b, "pk"), Dec(b, "needed"), Dec(b, "available"), Dec(b, "in_production"), Dec(b, "to_build"))));

        Assert.Equal(0, root.GetProperty("critical").GetArrayLength());
        Assert.Equal(0, root.GetProperty("not_found").GetArrayLength());
        Assert.Equal(expected.Warnings, root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));

        // 1 server info + 1 name look-up + 2 × 7 assemblies (Master Assembly, Doohickey, Widget Assembly,
        // Widget Board (assembled), Test Board 1, 2 and 3).
        Assert.Equal(1 + 1 + (2 * 7), root.GetProperty("requests").GetInt32());
        Assert.Equal(1 + 1 + (2 * 7), servedToProcess);
    }

    private static int Int(JsonElement row, string key) => row.GetProperty(key).GetInt32();

    private static decimal Dec(JsonElement row, string key) => row.GetProperty(key).GetDecimal();
}
