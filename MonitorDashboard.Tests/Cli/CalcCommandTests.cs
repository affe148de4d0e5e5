using System.Text.Json;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Cli;

/// <summary>The <c>calc</c> command run as a process, against the emulator over HTTP.</summary>
[ProcessTests]
public sealed class CalcCommandTests
{
    private static async Task<(ProcessResult Result, InvenTreeHarness Harness)> RunAgainstEmulatorAsync(params string[] args)
    {
        var harness = await InvenTreeHarness.StartAsync();
        var result = await AppProcess.RunAsync(["calc", .. args], new Dictionary<string, string?>
        {
            ["INVENTREE_URL"] = harness.Emulator.BaseAddress.ToString(),
            ["INVENTREE_API_TOKEN"] = harness.Emulator.Token,
        });
        return (result, harness);
    }

    [Fact]
    public async Task Json_output_has_every_section_with_numbers_and_the_request_count()
    {
        var (result, harness) = await RunAgainstEmulatorAsync("Master Assembly:60", "Widget Assembly@B:5", "--json");
        await using var _ = harness;

        Assert.True(result.ExitCode == 0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        Assert.Equal(
            ["parts_to_order", "subassemblies_to_build", "critical", "not_found", "warnings", "in_production_rule", "replenish_to_minimum", "requests"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("scheduled", root.GetProperty("in_production_rule").GetString());
        Assert.False(root.GetProperty("replenish_to_minimum").GetBoolean());

        var buck = root.GetProperty("parts_to_order").EnumerateArray().Single(o => o.GetProperty("pk").GetInt32() == 132);
        Assert.Equal(
            ["pk", "name", "ipn", "revision", "needed", "total_in_stock", "required_for_build_orders", "required_for_sales_orders",
             "available", "on_order", "to_order", "optional", "consumable", "belongs_to", "substitutes",
             "for_demand", "replenishment", "minimum_stock"],
            buck.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, buck.GetProperty("to_order").ValueKind);
        Assert.Equal(47m, buck.GetProperty("to_order").GetDecimal());
        Assert.Equal((47m, 0m), (buck.GetProperty("for_demand").GetDecimal(), buck.GetProperty("replenishment").GetDecimal()));
        Assert.Equal(-9m, buck.GetProperty("available").GetDecimal());
        Assert.Equal(133, buck.GetProperty("substitutes")[0].GetProperty("pk").GetInt32());

        var psu = root.GetProperty("subassemblies_to_build").EnumerateArray().Single(b => b.GetProperty("pk").GetInt32() == 104);
        Assert.Equal(
            ["pk", "name", "needed", "available", "in_production", "to_build", "optional", "belongs_to",
             "required_for_build_orders", "required_for_sales_orders"],
            psu.EnumerateObject().Select(p => p.Name));
        Assert.Equal(38m, psu.GetProperty("to_build").GetDecimal());

        var critical = root.GetProperty("critical")[0];
        Assert.Equal(["pk", "name", "total_in_stock", "minimum_stock"], critical.EnumerateObject().Select(p => p.Name));
        Assert.Equal(21, root.GetProperty("requests").GetInt32());
        Assert.Equal(21, harness.Emulator.RequestCount);
    }

    [Fact]
    public async Task Legacy_in_production_and_hidden_optional_parts_show_in_the_json_at_two_requests_more()
    {
        // Sample catalog: Master Assembly has 2 items being built and BO1 (Production) 10 − 4 = 6 still to make:
        // legacy 2 + 6 = 8 where scheduled_to_build says 6. Gateway Core Module's only build is On Hold: legacy 0.
        // Relay Expansion Board (107) and Display Module 2.4in TFT (162) hang on optional lines and are hidden.
        var (result, harness) = await RunAgainstEmulatorAsync("Master Assembly:60", "--in-production", "legacy", "--hide-optional", "--json");
        await using var _ = harness;
        var served = harness.Emulator.RequestCount;
        var scheduled = await harness.Calculation.RunAsync([new("Master Assembly", null, null, 60)],
            MonitorDashboard.Calculation.CalculationOptions.Default, TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        Assert.Equal("legacy", root.GetProperty("in_production_rule").GetString());
        var builds = root.GetProperty("subassemblies_to_build").EnumerateArray()
            .ToDictionary(b => b.GetProperty("pk").GetInt32(), b => b.GetProperty("in_production").GetDecimal());
        Assert.Equal(8m, builds[101]);
        Assert.Equal(6m, scheduled.Result.SubassembliesToBuild.Single(b => b.Pk == 101).InProduction);
        Assert.Equal(0m, builds.GetValueOrDefault(102));
        Assert.Equal(8m, scheduled.Result.SubassembliesToBuild.Single(b => b.Pk == 102).InProduction);
        var shown = root.GetProperty("parts_to_order").EnumerateArray().Concat(root.GetProperty("subassemblies_to_build").EnumerateArray()).ToList();
        Assert.DoesNotContain(shown, row => row.GetProperty("optional").GetBoolean());
        Assert.DoesNotContain(shown, row => row.GetProperty("pk").GetInt32() is 107 or 162);
        Assert.Contains(scheduled.Result.SubassembliesToBuild, b => b.Pk == 107 && b.Optional);
        Assert.Equal(scheduled.Requests + 2, root.GetProperty("requests").GetInt32());
        Assert.Equal(scheduled.Requests + 2, served);
    }

    [Fact]
    public async Task Replenishing_to_minimum_splits_each_line_and_orders_parts_that_are_only_below_their_minimum()
    {
        // Sample catalog, Master Assembly ×60 (available = in stock − required for builds − required for sales):
        //   Battery Pack 164: needed 48, available 6, minimum 20 → demand 42, to order 48 + 20 − 6 = 62, so 20 replenish.
        //   Resistor 10k 140: needed 944, available 1323 (not critical: 1500 in stock ≥ 1000) → demand 0, but after the
        //     demand 379 are left: 944 + 1000 − 1323 = 621, all replenish.
        //   Cable Tie 195: needed 514, available 540, minimum 1000 → 974, all replenish (today only critical).
        //   Buck Converter 132: no minimum → 41 as today.
        var (result, harness) = await RunAgainstEmulatorAsync("Master Assembly:60", "--replenish-to-minimum", "--json");
        await using var _ = harness;
        var (today, todayHarness) = await RunAgainstEmulatorAsync("Master Assembly:60", "--json");
        await using var __ = todayHarness;

        Assert.True(result.ExitCode == 0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        using var todayJson = JsonDocument.Parse(today.StdOut);
        Assert.True(json.RootElement.GetProperty("replenish_to_minimum").GetBoolean());
        var lines = json.RootElement.GetProperty("parts_to_order").EnumerateArray().ToDictionary(
            o => o.GetProperty("pk").GetInt32(),
            o => (o.GetProperty("to_order").GetDecimal(), o.GetProperty("for_demand").GetDecimal(),
                o.GetProperty("replenishment").GetDecimal(), o.GetProperty("minimum_stock").GetDecimal()));
        Assert.Equal((62m, 42m, 20m, 20m), lines[164]);
        Assert.Equal((621m, 0m, 621m, 1000m), lines[140]);
        Assert.Equal((974m, 0m, 974m, 1000m), lines[195]);
        Assert.Equal((41m, 41m, 0m, 0m), lines[132]);
        var todayPks = todayJson.RootElement.GetProperty("parts_to_order").EnumerateArray().Select(o => o.GetProperty("pk").GetInt32()).ToList();
        Assert.Equal([140, 195], lines.Keys.Except(todayPks).Order());
        // Same data, same requests: the option costs nothing.
        Assert.Equal(todayJson.RootElement.GetProperty("requests").GetInt32(), json.RootElement.GetProperty("requests").GetInt32());
    }

    [Fact]
    public async Task The_tables_show_demand_and_replenishment_columns_only_when_something_is_replenished()
    {
        var (result, harness) = await RunAgainstEmulatorAsync("Master Assembly:60", "--replenish-to-minimum");
        await using var _ = harness;
        var (today, todayHarness) = await RunAgainstEmulatorAsync("Master Assembly:60");
        await using var __ = todayHarness;

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("Parts to order (21)", result.StdOut, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s*Pk\s+Part\s+IPN\s+Needed.*To order\s+For demand\s+Replenish\s+Minimum\s+Flags", result.StdOut);
        Assert.Matches(@"(?m)^\s*164\s+Battery Pack Li-Ion 2S\s+BAT-2S-3400\s+48\s+14\s+8\s+0\s+6\s+0\s+62\s+42\s+20\s+20\s", result.StdOut);
        Assert.Contains("Parts to order (19)", today.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("Replenish", today.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_found_entries_name_the_request_and_the_number_of_matches()
    {
        var (result, harness) = await RunAgainstEmulatorAsync("M3x8 Screw:100", "Flux Capacitor:1", "--json");
        await using var _ = harness;

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        var notFound = json.RootElement.GetProperty("not_found").EnumerateArray()
            .Select(n => (n.GetProperty("name").GetString(), n.GetProperty("matches").GetInt32())).ToList();
        Assert.Equal([("M3x8 Screw", 2), ("Flux Capacitor", 0)], notFound);
    }

    [Fact]
    public async Task Tables_are_printed_for_people_by_default()
    {
        var (result, harness) = await RunAgainstEmulatorAsync("Master Assembly:60", "Widget Assembly@B:5");
        await using var _ = harness;

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Parts to order (19)", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("Subassemblies to build (9)", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("Critical parts (below minimum stock) (4)", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("Buck Converter IC 3A (alt)", result.StdOut, StringComparison.Ordinal);
        Assert.Matches(@"Power Supply Board\s+\S+\s+54\s+6\s+10\s+38", result.StdOut);
        // Every table starts with the part's pk, as the Python tool's did.
        Assert.Matches(@"(?m)^\s*104\s+Power Supply Board\s", result.StdOut);
        Assert.Matches(@"(?m)^\s*Pk\s+Part\s+IPN\s+Needed", result.StdOut);
        Assert.Matches(@"(?m)^\s*Pk\s+Assembly\s+IPN\s+Needed", result.StdOut);
    }

    [Fact]
    public async Task Without_an_inventree_url_the_bundled_demo_catalog_is_used()
    {
        var result = await AppProcess.RunAsync(["calc", "Master Assembly:60", "Widget Assembly@B:5", "--json"]);

        Assert.True(result.ExitCode == 0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.Equal(19, json.RootElement.GetProperty("parts_to_order").GetArrayLength());
    }

    [Fact]
    public async Task The_dotenv_file_in_the_working_directory_supplies_the_python_tool_variables()
    {
        await using var harness = await InvenTreeHarness.StartAsync();
        var folder = Directory.CreateTempSubdirectory("md-env-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, ".env"),
                $"INVENTREE_URL={harness.Emulator.BaseAddress}\nINVENTREE_API_TOKEN=\"{harness.Emulator.Token}\"\n", TestContext.Current.CancellationToken);

            var result = await AppProcess.RunAsync(["calc", "Sensor Board:10", "--json"], workingDirectory: folder);

            Assert.True(result.ExitCode == 0, result.StdErr);
            Assert.True(harness.Emulator.RequestCount > 0, "the .env URL was used");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("Master Assembly", "Name:quantity")]
    [InlineData("Master Assembly:abc", "not a number")]
    [InlineData("Master Assembly:0", "greater than 0")]
    [InlineData("Master Assembly:-3", "greater than 0")]
    [InlineData("Widget Assembly@:5", "revision is empty")]
    public async Task Bad_part_arguments_exit_with_2_and_one_line_naming_the_problem(string argument, string expected)
    {
        var result = await AppProcess.RunAsync(["calc", argument]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains(argument, line, StringComparison.Ordinal);
        Assert.Empty(result.StdOut);
    }

    [Theory]
    [InlineData("calc")]
    [InlineData("calc --bogus X:1")]
    [InlineData("calc X:1 --in-production old_gui")]
    public async Task Usage_errors_exit_with_2_and_one_line(string commandLine)
    {
        var result = await AppProcess.RunAsync(commandLine.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task An_unreachable_inventree_exits_with_1_and_a_clear_reason()
    {
        var result = await AppProcess.RunAsync(["calc", "Sensor Board:1"], new Dictionary<string, string?>
        {
            ["INVENTREE_URL"] = "http://127.0.0.1:9/",
            ["INVENTREE_API_TOKEN"] = "do-not-print-me",
            ["InvenTree__MaxRetries"] = "0",
        });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unreachable", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("do-not-print-me", result.StdErr + result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proposal_prints_the_parts_to_order_by_supplier_and_leaves_out_an_excluded_supplier()
    {
        var (result, harness) = await RunAgainstEmulatorAsync("Master Assembly:60", "Widget Assembly@B:5", "--proposal");
        await using var _ = harness;

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("\nORDER PROPOSAL", result.StdOut, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^Northwind Modules Inc\. \(\d+ lines?\) — total 1535\.60 EUR", result.StdOut);
        Assert.Matches(@"(?m)^\s*185\s+M3x8 Screw\s+\S+\s+248\s+100\s+3\s+300\s+4\.20\s+12\.60\s+EUR\s+500\s*$", result.StdOut);

        var (excluded, harness2) = await RunAgainstEmulatorAsync(
            "Master Assembly:60", "Widget Assembly@B:5", "--proposal", "--json", "--exclude-supplier", "Northwind Modules Inc.");
        await using var __ = harness2;

        Assert.True(excluded.ExitCode == 0, excluded.StdErr);
        using var json = JsonDocument.Parse(excluded.StdOut);
        Assert.Equal("proposal", json.RootElement.EnumerateObject().Last().Name);
        var proposal = json.RootElement.GetProperty("proposal");
        Assert.Equal(["suppliers", "no_supplier"], proposal.EnumerateObject().Select(p => p.Name));
        var suppliers = proposal.GetProperty("suppliers").EnumerateArray().Select(s => s.GetProperty("supplier_name").GetString()).ToList();
        Assert.NotEmpty(suppliers);
        Assert.DoesNotContain("Northwind Modules Inc.", suppliers);
    }
}
