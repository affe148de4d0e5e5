using System.Text.Json;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Cli.Monitor;

/// <summary>
/// <c>MonitorDashboard monitor proposal &lt;id&gt; [--json]</c> as its own process over the history the dashboard writes,
/// with InvenTree's purchasing data from the emulator.
/// </summary>
[ProcessTests]
public sealed class MonitorProposalProcessTests
{
    private static Task<ProcessResult> ProposalAsync(EngineHarness engine, params string[] args) =>
        AppProcess.RunAsync(["monitor", "proposal", .. args],
            engine.Settings.ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value),
            engine.Folder);

    [Fact]
    public async Task Before_a_run_it_says_why_there_is_none_and_after_one_it_prints_the_latest_run_s_proposal_by_supplier()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()));

        var none = await ProposalAsync(engine, EngineLists.ProductionId[..8]);

        Assert.Equal(1, none.ExitCode);
        Assert.Equal("error: no order proposal for 'Production plan': The list has no run with a result in the history yet; run a check first.",
            none.SingleErrorLine());

        var run = (await engine.RunAsync(EngineLists.ProductionId)).Run!.Summary;
        var text = await ProposalAsync(engine, EngineLists.ProductionId[..8]);

        Assert.True(text.ExitCode == 0, text.StdErr);
        Assert.Contains($"Order proposal for Production plan, from the run of {run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({run.RunId})", text.StdOut, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^Northwind Modules Inc\. \(\d+ lines?\) — total 1535\.60 EUR", text.StdOut);
        // #160 LTE modem: its primary supplier part, 44 packs of 1 at 34.90, 40 already on order.
        Assert.Matches(@"(?m)^\s*160\s+LTE Modem Module Cat-M1\s+NW-LTEM1 \(primary\)\s+44\s+1\s+44\s+44\s+34\.90\s+1535\.60\s+EUR\s+40\s*$", text.StdOut);
        // #185 screws: 248 needed, 3 packs of 100 = 300 at 4.20 a pack.
        Assert.Matches(@"(?m)^\s*185\s+M3x8 Screw\s+\S+\s+248\s+100\s+3\s+300\s+4\.20\s+12\.60\s+EUR\s+500\s*$", text.StdOut);
        Assert.Contains("primary supplier part", text.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_lists_suppliers_with_lines_and_totals_and_the_parts_without_a_supplier_apart()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()));
        var run = (await engine.RunAsync(EngineLists.ProductionId)).Run!.Summary;

        var result = await ProposalAsync(engine, EngineLists.ProductionId, "--json");

        Assert.True(result.ExitCode == 0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        Assert.Equal(["run_id", "list_id", "list_name", "run_started_at", "suppliers", "no_supplier"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(run.RunId, root.GetProperty("run_id").GetGuid());
        var northwind = root.GetProperty("suppliers").EnumerateArray().Single(s => s.GetProperty("supplier_name").GetString() == "Northwind Modules Inc.");
        Assert.Equal(["supplier_pk", "supplier_name", "lines", "totals", "unpriced_lines"], northwind.EnumerateObject().Select(p => p.Name));
        var modem = northwind.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("part_pk").GetInt32() == 160);
        Assert.Equal(
            ["part_pk", "part_name", "supplier_part_pk", "sku", "primary", "needed", "pack_size", "packs", "quantity", "unit_price",
             "line_price", "currency", "on_order"],
            modem.EnumerateObject().Select(p => p.Name));
        Assert.Equal((340, "NW-LTEM1", true), (modem.GetProperty("supplier_part_pk").GetInt32(), modem.GetProperty("sku").GetString(), modem.GetProperty("primary").GetBoolean()));
        Assert.Equal((44m, 1m, 44m, 44m, 34.9m, 1535.6m, 40m),
            (modem.GetProperty("needed").GetDecimal(), modem.GetProperty("pack_size").GetDecimal(), modem.GetProperty("packs").GetDecimal(),
             modem.GetProperty("quantity").GetDecimal(), modem.GetProperty("unit_price").GetDecimal(), modem.GetProperty("line_price").GetDecimal(),
             modem.GetProperty("on_order").GetDecimal()));
        Assert.Equal("EUR", modem.GetProperty("currency").GetString());
        var unpriced = northwind.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("unit_price").ValueKind == JsonValueKind.Null);
        Assert.Equal(JsonValueKind.Null, unpriced.GetProperty("currency").ValueKind);
        Assert.Equal([("EUR", 1535.6m)], northwind.GetProperty("totals").EnumerateArray().Select(t => (t.GetProperty("currency").GetString(), t.GetProperty("amount").GetDecimal())));
        var lines = root.GetProperty("suppliers").EnumerateArray().Sum(s => s.GetProperty("lines").GetArrayLength());
        Assert.Equal(19, lines + root.GetProperty("no_supplier").GetArrayLength());
    }
}
