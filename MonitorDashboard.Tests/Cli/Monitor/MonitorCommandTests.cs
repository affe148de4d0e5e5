using System.Text.Json;
using MonitorDashboard.Tests.TestSupport;
using static MonitorDashboard.Tests.Cli.Monitor.MonitorPresetsFolder;

namespace MonitorDashboard.Tests.Cli.Monitor;

/// <summary><c>monitor list|show|validate</c> and the id rules, run as a process on a Python-tool presets.json.</summary>
[ProcessTests]
public sealed class MonitorCommandTests
{
    [Fact]
    public async Task List_prints_a_table_with_schedule_next_run_recipients_and_validity()
    {
        using var presets = new MonitorPresetsFolder();

        var result = await presets.RunAsync("list");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Empty(result.StdErr);
        var lines = result.StdOut.Lines();
        Assert.Matches(@"^Name\s+Id\s+Active\s+Schedule\s+Runs\s+Time zone\s+Next run\s+Recipients\s+Notify\s+Status$", lines[0]);
        var widget = Assert.Single(lines, l => l.Contains(WidgetId, StringComparison.Ordinal));
        Assert.Matches(
            @"^Widget line, weekly\s+3f1c\S+\s+yes\s+0 7 \* \* 1-5\s+At 07:00 on Monday through Friday\s+Europe/Berlin\s+" +
            @"(Mon|Tue|Wed|Thu|Fri) \d{4}-\d\d-\d\d 07:00 \+0[12]:00\s+planning@example.com\s+on_change\s+valid$", widget);
        var spares = Assert.Single(lines, l => l.Contains(SparesId, StringComparison.Ordinal));
        Assert.Matches(@"\s+no\s+30 6 1 \* \*\s+.+\s+UTC \(default\)\s+paused\s+stores@example.com, buyer@example.com\s+always\s+valid$", spares);
        var broken = Assert.Single(lines, l => l.Contains(BrokenId, StringComparison.Ordinal));
        Assert.Matches(
            @"America/New_York\s+-\s+.*invalid: cron_schedule ""\*/2 \* \* \* \*"" runs every 2 minutes, more often than the minimum interval of 5 minutes$",
            broken);
    }

    [Fact]
    public async Task List_json_has_every_list_with_next_run_as_iso_8601_in_the_lists_zone_and_its_errors()
    {
        using var presets = new MonitorPresetsFolder();

        var result = await presets.RunAsync("list", "--json");

        Assert.True(result.ExitCode == 0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        var lists = json.RootElement.EnumerateArray().ToList();
        Assert.Equal([WidgetId, SparesId, BrokenId], lists.Select(l => l.GetProperty("id").GetString()));
        var widget = lists[0];
        Assert.Equal(
            ["id", "name", "active", "cron_schedule", "schedule_description", "timezone", "effective_timezone", "next_run", "recipients",
             "notify_condition", "parts", "last_hash", "valid", "errors", "warnings"],
            widget.EnumerateObject().Select(p => p.Name));
        Assert.Equal("At 07:00 on Monday through Friday", widget.GetProperty("schedule_description").GetString());
        var nextRun = widget.GetProperty("next_run").GetString()!;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT07:00:00\+0[12]:00$", nextRun);
        Assert.True(DateTimeOffset.Parse(nextRun, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow);
        Assert.Equal("B", widget.GetProperty("parts")[0].GetProperty("version").GetString());
        Assert.Equal("9c2f", widget.GetProperty("last_hash").GetString());
        Assert.True(widget.GetProperty("valid").GetBoolean());

        var spares = lists[1];
        Assert.Equal(JsonValueKind.Null, spares.GetProperty("timezone").ValueKind);
        Assert.Equal("UTC", spares.GetProperty("effective_timezone").GetString());
        Assert.Equal(JsonValueKind.Null, spares.GetProperty("next_run").ValueKind); // paused

        var broken = lists[2];
        Assert.False(broken.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, broken.GetProperty("next_run").ValueKind);
        var error = Assert.Single(broken.GetProperty("errors").EnumerateArray());
        Assert.Equal("cron_schedule", error.GetProperty("field").GetString());
        Assert.Contains("minimum interval of 5 minutes", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_accepts_a_unique_id_prefix_and_prints_every_field_with_the_next_five_runs()
    {
        using var presets = new MonitorPresetsFolder();

        var result = await presets.RunAsync("show", "3F1C");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var output = result.StdOut;
        foreach (var expected in new[]
                 {
                     "Name:             Widget line, weekly", "Id:               " + WidgetId, "Active:           yes",
                     "Schedule:         0 7 * * 1-5", "Runs:             At 07:00 on Monday through Friday", "Time zone:        Europe/Berlin",
                     "Recipients:       planning@example.com", "Notify:           on_change", "Last hash:        9c2f",
                     "Other keys:       interval_minutes=60", "Status:           valid", "Parts (2)",
                 })
        {
            Assert.Contains(expected, output, StringComparison.Ordinal);
        }
        Assert.Matches(@"Widget Assembly\s+B\s+10", output);
        Assert.Matches(@"Doohickey\s+5\.0", output);
        var runs = output.Lines().SkipWhile(l => l != "Next runs").Skip(1).ToList();
        Assert.Equal(5, runs.Count);
        Assert.All(runs, r => Assert.Matches(@"^  (Mon|Tue|Wed|Thu|Fri) \d{4}-\d\d-\d\d 07:00 \+0[12]:00$", r));
    }

    [Fact]
    public async Task Show_of_an_invalid_list_names_its_errors_and_says_it_does_not_run()
    {
        using var presets = new MonitorPresetsFolder();

        var result = await presets.RunAsync("show", BrokenId);

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("Status:           invalid", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("Errors:\n  - cron_schedule \"*/2 * * * *\" runs every 2 minutes", result.StdOut.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Next runs: none, the list is invalid", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3f", "id prefix '3f' matches 2 lists: " + WidgetId + " (Widget line, weekly), " + SparesId + " (Sensor spares)")]
    [InlineData("zz", "no list with id 'zz'")]
    public async Task An_ambiguous_or_unknown_id_exits_with_1_and_says_which(string id, string expected)
    {
        using var presets = new MonitorPresetsFolder();

        var result = await presets.RunAsync("deactivate", id);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Equal(presets.Original, presets.Text);
    }

    [Fact]
    public async Task Validate_lists_each_list_and_exits_with_1_when_one_is_invalid_then_0_once_it_is_gone()
    {
        using var presets = new MonitorPresetsFolder();

        var invalid = await presets.RunAsync("validate");

        Assert.Equal(1, invalid.ExitCode);
        var lines = invalid.StdOut.Lines();
        Assert.Contains(lines, l => l.StartsWith("valid", StringComparison.Ordinal) && l.Contains(WidgetId, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("valid", StringComparison.Ordinal) && l.Contains(SparesId, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("INVALID", StringComparison.Ordinal) && l.Contains(BrokenId, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("error: cron_schedule \"*/2 * * * *\" runs every 2 minutes", StringComparison.Ordinal));
        Assert.Equal("presets.json: 3 lists, 1 invalid", lines[^1]);
        Assert.Contains("1 of 3 lists is invalid", invalid.SingleErrorLine(), StringComparison.Ordinal);

        var deleted = await presets.RunAsync("delete", "a0c4", "--yes");
        Assert.True(deleted.ExitCode == 0, deleted.StdErr);
        var valid = await presets.RunAsync("validate");

        Assert.True(valid.ExitCode == 0, valid.StdErr);
        Assert.Equal("presets.json: 2 lists, all valid", valid.StdOut.Lines()[^1]);
    }

    [Fact]
    public async Task A_malformed_file_is_one_error_line_with_line_and_column_and_is_never_written()
    {
        const string broken = "{\n  \"presets\": [],\n  \"monitoring_lists\": [ { \"id\": \"x\", } ]\n}\n";
        using var presets = new MonitorPresetsFolder(broken);

        foreach (var args in new[] { new[] { "list" }, ["validate"], ["add", "--name", "N", "--parts", "A:1", "--schedule", "@daily", "--recipients", "a@example.com"] })
        {
            var result = await presets.RunAsync(args);

            Assert.True(result.ExitCode == 1, $"{string.Join(' ', args)}: {result.ExitCode} {result.StdErr}");
            var line = result.SingleErrorLine();
            Assert.Contains(presets.FilePath + " (line 3, column ", line, StringComparison.Ordinal);
            Assert.Contains("is not valid JSON", line, StringComparison.Ordinal);
        }
        Assert.Equal(broken, presets.Text);
        Assert.False(File.Exists(presets.BackupPath));
    }

    [Theory]
    [InlineData("monitor", "Required command")]
    [InlineData("monitor show", "Required argument missing")]
    [InlineData("monitor add --name Only", "is required")]
    [InlineData("monitor add --name Only --schedule @daily --recipients a@example.com", "Option '--parts' or '--parts-file' is required.")]
    [InlineData("monitor add --name Only --parts Gizmo:1 --parts-file parts.csv --schedule @daily --recipients a@example.com",
        "give the parts with --parts or with --parts-file, not both")]
    [InlineData("monitor update 3f1c", "nothing to change: give at least one of --name")]
    [InlineData("monitor update 3f1c --active maybe", "--active must be true or false, not \"maybe\"")]
    [InlineData("monitor update 3f1c --notify-condition sometimes", "--notify-condition must be on_change or always, not \"sometimes\"")]
    [InlineData("monitor list --bogus", "--bogus")]
    public async Task Usage_errors_exit_with_2_and_one_line_and_leave_the_file_alone(string commandLine, string expected)
    {
        using var presets = new MonitorPresetsFolder();

        var result = await presets.RunAsync(commandLine.Split(' ')[1..]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Equal(presets.Original, presets.Text);
    }
}
