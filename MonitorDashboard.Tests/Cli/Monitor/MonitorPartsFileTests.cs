using System.Text;
using MonitorDashboard.Tests.TestSupport;
using static MonitorDashboard.Tests.Cli.Monitor.MonitorPresetsFolder;

namespace MonitorDashboard.Tests.Cli.Monitor;

/// <summary><c>monitor add|update --parts-file</c> as a process: the parts come from a CSV or JSON file, or nothing is written.</summary>
[ProcessTests]
public sealed class MonitorPartsFileTests
{
    [Fact]
    public async Task Add_reads_the_parts_from_a_csv_file_with_bom_header_quotes_and_revisions()
    {
        using var presets = new MonitorPresetsFolder();
        var csv = "name,quantity,revision\r\n\"Widget Assembly\",10,B\r\n\r\n\"Cable, shielded\",2.5,\r\nSensor Board,4\r\n";
        await File.WriteAllBytesAsync(Path.Combine(presets.Folder, "parts.csv"), [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)],
            TestContext.Current.CancellationToken);

        var result = await presets.RunAsync(
            "add", "--name", "From a file", "--parts-file", "parts.csv", "--schedule", "0 9 * * *", "--recipients", "a@example.com");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var added = presets.List(result.StdOut.Lines()[^1]);
        Assert.Equal(
            """[{"name":"Widget Assembly","quantity":10,"version":"B"},{"name":"Cable, shielded","quantity":2.5},{"name":"Sensor Board","quantity":4}]""",
            added["parts"]!.ToJsonString());
        PythonPresetsSchema.AssertLoads(presets.Text);
    }

    [Fact]
    public async Task Update_replaces_the_parts_with_a_json_file_and_keeps_every_other_field()
    {
        using var presets = new MonitorPresetsFolder();
        var before = presets.List(WidgetId);
        var file = Path.Combine(presets.Folder, "parts.json");
        await File.WriteAllTextAsync(file, """[ { "name": "Doohickey", "quantity": 3, "version": "C" }, { "name": "Gizmo", "quantity": 1 } ]""",
            TestContext.Current.CancellationToken);

        var result = await presets.RunAsync("update", "3f1c", "--parts-file", file);

        Assert.True(result.ExitCode == 0, result.StdErr);
        var after = presets.List(WidgetId);
        Assert.Equal("""[{"name":"Doohickey","quantity":3,"version":"C"},{"name":"Gizmo","quantity":1}]""", after["parts"]!.ToJsonString());
        Assert.Equal((string?)before["cron_schedule"], (string?)after["cron_schedule"]);
        Assert.Equal(60, (int)after["interval_minutes"]!);
        PythonPresetsSchema.AssertLoads(presets.Text);
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_line_and_nothing_is_written()
    {
        using var presets = new MonitorPresetsFolder();
        await File.WriteAllTextAsync(Path.Combine(presets.Folder, "parts.csv"), "Widget Assembly,10\nGizmo,ten\n,3\nDoohickey,0\n",
            TestContext.Current.CancellationToken);

        var result = await presets.RunAsync("update", "3f1c", "--parts-file", "parts.csv");
        var missing = await presets.RunAsync("update", "3f1c", "--parts-file", "nowhere.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "error: --parts-file \"parts.csv\" line 2: quantity \"ten\" is not a number (write it with a decimal point, e.g. 2.5); "
            + "--parts-file \"parts.csv\" line 3: the part name is empty; --parts-file \"parts.csv\" line 4: quantity 0 must be greater than 0",
            result.SingleErrorLine());
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("error: --parts-file \"nowhere.csv\": no such file", missing.SingleErrorLine());
        Assert.Equal(presets.Original, presets.Text);
        Assert.False(File.Exists(presets.BackupPath));
    }
}
