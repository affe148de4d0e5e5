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
            ["parts_to_order", "subassemblies_to_build", "critical", "not_found", "warnings", "in_production_rule", "requests"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("scheduled", root.GetProperty("in_production_rule").GetString());

        var buck = root.GetProperty("parts_to_order").EnumerateArray().Single(o => o.GetProperty("pk").GetInt32() == 132);
        Assert.Equal(
            ["pk", "name", "ipn", "revision", "needed", "total_in_stock", "required_for_build_orders", "required_for_sales_orders",
             "available", "on_order", "to_order", "optional", "consumable", "belongs_to", "substitutes"],
            buck.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, buck.GetProperty("to_order").ValueKind);
        Assert.Equal(47m, buck.GetProperty("to_order").GetDecimal());
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
}
