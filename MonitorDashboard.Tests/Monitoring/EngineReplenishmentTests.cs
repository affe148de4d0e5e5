using System.Text.Json.Nodes;
using MonitorDashboard.Calculation;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring;

/// <summary>
/// A monitoring list with <c>"replenish_to_minimum": true</c> through the real pipeline (sample catalog in the emulator,
/// real SMTP, history on disk), next to the same list without the key.
/// </summary>
public sealed class EngineReplenishmentTests
{
    private const string ReplenishingId = "5b0e6a1c-7d2f-4e38-9a41-0c6d2b8e1f09";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject ReplenishingList()
    {
        var list = EngineLists.Production();
        list["id"] = ReplenishingId;
        list["name"] = "Production plan, replenished";
        list["replenish_to_minimum"] = true;
        return list;
    }

    [Fact]
    public async Task The_report_splits_each_line_into_demand_and_replenishment_and_only_that_list_changes()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production(), ReplenishingList()));

        var plain = await engine.RunAsync(EngineLists.ProductionId);
        var replenished = await engine.RunAsync(ReplenishingId);

        // The list without the key: today's report, numbers and hash (19 to order), no replenishment columns.
        var plainReport = engine.Smtp.Messages[0];
        Assert.Equal(EngineLists.ProductionSubject + " — changed", plainReport.Message.Subject);
        Assert.DoesNotContain("Replenish", EngineEndToEndTests.TextOf(plainReport), StringComparison.Ordinal);
        Assert.DoesNotContain("Replenish", plainReport.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(SignificantResult.Hash(plain.Run!.Result!), plain.Run.Summary.Hash);

        // Replenished: Widget Front Label (#201, demand 6, available 35, minimum 100) and Resistor 10k (#140, demand 986,
        // available 1323, minimum 1000) join as order lines; Battery Pack (#164) orders 42 for the demand + 20 to get back to 20.
        var report = engine.Smtp.Messages[1];
        Assert.Equal("[MonitorDashboard] Production plan, replenished: 22 to order, 9 to build, 4 critical — changed", report.Message.Subject);
        var text = EngineEndToEndTests.TextOf(report);
        Assert.Contains("To order = for demand + replenish (what brings the part back to its minimum stock after the demand).", text, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^Part\s+Needed\s+Available\s+On order\s+To order\s+For demand\s+Replenish\s+Minimum$", text);
        Assert.Matches(@"(?m)^Widget Front Label\s+6\s+35\s+0\s+71\s+0\s+71\s+100$", text);
        Assert.Matches(@"(?m)^Resistor 10k 0603\s+986\s+1,323\s+0\s+663\s+0\s+663\s+1,000$", text);
        Assert.Matches(@"(?m)^Battery Pack Li-Ion 2S\s+48\s+6\s+0\s+62\s+42\s+20\s+20$", text);
        Assert.Matches("<th [^>]*>Replenish</th>", report.Message.HtmlBody);

        // Stored with the split, and its own hash: the option changed this list's numbers, not the other's.
        var stored = await engine.History.GetAsync(replenished.Run!.Summary.RunId, Ct);
        var label = Assert.Single(stored!.Result!.PartsToOrder, o => o.Pk == 201);
        Assert.Equal((71m, 0m, 71m, 100m), (label.ToOrder, label.ForDemand, label.Replenishment, label.MinimumStock));
        Assert.NotEqual(plain.Run.Summary.Hash, replenished.Run.Summary.Hash);
        Assert.Equal(replenished.Run.Summary.Hash, engine.LastHashOnDisk(ReplenishingId));
        Assert.Equal(plain.Run.Summary.Hash, engine.LastHashOnDisk(EngineLists.ProductionId));
    }
}
