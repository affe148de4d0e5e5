using System.Text.Json.Nodes;
using MonitorDashboard.Tests.TestSupport;
using static MonitorDashboard.Tests.Cli.Monitor.MonitorPresetsFolder;

namespace MonitorDashboard.Tests.Cli.Monitor;

/// <summary>
/// <c>monitor add|update|activate|deactivate|delete</c> as a process: what lands in presets.json, and that
/// nothing else in the file (other lists, the Python tool's keys) is lost.
/// </summary>
[ProcessTests]
public sealed class MonitorCommandMutationTests
{
    [Fact]
    public async Task Add_prints_the_new_id_last_and_writes_the_list_keeping_everything_else()
    {
        using var presets = new MonitorPresetsFolder();
        var before = presets.Json;

        var result = await presets.RunAsync(
            "add", "--name", "Sensors, daily", "--parts", "Sensor Board:10, Widget Assembly@B:2.5", "--schedule", "0 9 * * *",
            "--recipients", "a@example.com, b@example.com");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var id = result.StdOut.Lines()[^1];
        Assert.True(Guid.TryParse(id, out _), $"last line is the id: {result.StdOut}");
        Assert.Contains("Added list \"Sensors, daily\" (active, next run ", result.StdOut, StringComparison.Ordinal);
        var added = presets.List(id);
        Assert.Equal("Sensors, daily", (string?)added["name"]);
        Assert.Equal(
            """[{"name":"Sensor Board","quantity":10},{"name":"Widget Assembly","quantity":2.5,"version":"B"}]""",
            added["parts"]!.ToJsonString());
        Assert.True((bool)added["active"]!);
        Assert.Equal("0 9 * * *", (string?)added["cron_schedule"]);
        Assert.Null(added["timezone"]); // not written: the configured default applies
        Assert.Equal("""["a@example.com","b@example.com"]""", added["recipients"]!.ToJsonString());
        Assert.Equal("on_change", (string?)added["notify_condition"]);

        var after = presets.Json;
        Assert.Equal(4, after["monitoring_lists"]!.AsArray().Count);
        foreach (var key in new[] { "presets", "email_configs", "filepath" })
        {
            Assert.True(JsonNode.DeepEquals(before[key], after[key]), key);
        }
        for (var i = 0; i < 3; i++)
        {
            Assert.True(JsonNode.DeepEquals(before["monitoring_lists"]![i], after["monitoring_lists"]![i]), $"list {i}");
        }
        Assert.Equal(presets.Original, File.ReadAllText(presets.BackupPath));
    }

    [Fact]
    public async Task Add_with_inactive_timezone_and_notify_condition_writes_them()
    {
        using var presets = new MonitorPresetsFolder();

        var result = await presets.RunAsync(
            "add", "--name", "Nightly", "--parts", "Gizmo:1", "--schedule", "@daily", "--recipients", "a@example.com",
            "--timezone", "Asia/Tokyo", "--notify-condition", "always", "--inactive");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("(paused)", result.StdOut, StringComparison.Ordinal);
        var added = presets.List(result.StdOut.Lines()[^1]);
        Assert.False((bool)added["active"]!);
        Assert.Equal("@daily", (string?)added["cron_schedule"]);
        Assert.Equal("Asia/Tokyo", (string?)added["timezone"]);
        Assert.Equal("always", (string?)added["notify_condition"]);
    }

    [Fact]
    public async Task Update_changes_only_the_given_fields_and_keeps_unknown_keys()
    {
        using var presets = new MonitorPresetsFolder();
        var before = presets.List(WidgetId);

        var result = await presets.RunAsync("update", "3f1c", "--schedule", "30 6 * * 1-5", "--recipients", "x@example.com,y@example.com");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains($"Updated list \"Widget line, weekly\" ({WidgetId}): active, next run ", result.StdOut, StringComparison.Ordinal);
        var after = presets.List(WidgetId);
        Assert.Equal("30 6 * * 1-5", (string?)after["cron_schedule"]);
        Assert.Equal("""["x@example.com","y@example.com"]""", after["recipients"]!.ToJsonString());
        foreach (var (key, value) in before.AsObject().Where(kv => kv.Key is not ("cron_schedule" or "recipients")))
        {
            Assert.True(JsonNode.DeepEquals(value, after[key]), key);
        }
        Assert.Equal(60, (int)after["interval_minutes"]!);
        Assert.Contains("\"quantity\": 5.0", presets.Text, StringComparison.Ordinal); // written back as it was
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(presets.Original)!["monitoring_lists"]![1], presets.List(SparesId)));

        var second = await presets.RunAsync("update", WidgetId, "--active", "false", "--timezone", "", "--name", "Widget line");

        Assert.True(second.ExitCode == 0, second.StdErr);
        after = presets.List(WidgetId);
        Assert.False((bool)after["active"]!);
        Assert.Null(after["timezone"]); // "" resets to the configured default
        Assert.Equal("Widget line", (string?)after["name"]);
        Assert.Equal(60, (int)after["interval_minutes"]!);
    }

    [Fact]
    public async Task Deactivate_and_activate_flip_active_and_repeating_one_changes_nothing()
    {
        using var presets = new MonitorPresetsFolder();

        var paused = await presets.RunAsync("deactivate", "3f1c");
        Assert.True(paused.ExitCode == 0, paused.StdErr);
        Assert.Contains("is now paused", paused.StdOut, StringComparison.Ordinal);
        Assert.False((bool)presets.List(WidgetId)["active"]!);
        var written = presets.Text;

        var again = await presets.RunAsync("deactivate", "3f1c");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("is already paused", again.StdOut, StringComparison.Ordinal);
        Assert.Equal(written, presets.Text);

        var resumed = await presets.RunAsync("activate", "3f9b");
        Assert.True(resumed.ExitCode == 0, resumed.StdErr);
        Assert.Contains("is now active, next run ", resumed.StdOut, StringComparison.Ordinal);
        Assert.True((bool)presets.List(SparesId)["active"]!);

        // Pausing a list that is already invalid is allowed: it adds no new problem.
        var brokenPaused = await presets.RunAsync("deactivate", BrokenId);
        Assert.True(brokenPaused.ExitCode == 0, brokenPaused.StdErr);
        Assert.False((bool)presets.List(BrokenId)["active"]!);
    }

    [Fact]
    public async Task Delete_needs_yes_without_a_terminal_and_then_removes_only_that_list()
    {
        using var presets = new MonitorPresetsFolder();

        var refused = await presets.RunAsync("delete", "3f9b");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("refusing to delete without --yes", refused.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Equal(presets.Original, presets.Text);

        var deleted = await presets.RunAsync("delete", "3f9b", "--yes");

        Assert.True(deleted.ExitCode == 0, deleted.StdErr);
        Assert.Contains($"Deleted list \"Sensor spares\" ({SparesId})", deleted.StdOut, StringComparison.Ordinal);
        var ids = presets.Json["monitoring_lists"]!.AsArray().Select(l => (string?)l!["id"]);
        Assert.Equal([WidgetId, BrokenId], ids);
        Assert.Equal("presets.json", (string?)presets.Json["filepath"]);
        Assert.Equal(presets.Original, File.ReadAllText(presets.BackupPath));
    }
}
