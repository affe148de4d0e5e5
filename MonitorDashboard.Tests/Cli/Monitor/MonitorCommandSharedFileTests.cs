using System.Text.Json.Nodes;
using MonitorDashboard.Tests.TestSupport;
using static MonitorDashboard.Tests.Cli.Monitor.MonitorPresetsFolder;

namespace MonitorDashboard.Tests.Cli.Monitor;

/// <summary>
/// <c>monitor</c> commands on a presets.json other programs write too: a lock held elsewhere, lists dropped by the
/// Python tool. One line on stderr that names the file, and nothing lost.
/// </summary>
[ProcessTests]
public sealed class MonitorCommandSharedFileTests
{
    [Fact]
    public async Task Add_while_another_program_holds_the_lock_waits_then_fails_with_one_line_naming_the_file_and_writes_nothing()
    {
        using var presets = new MonitorPresetsFolder();
        await using var other = await LockHolderProcess.StartAsync(presets.FilePath + ".lock");

        var result = await AppProcess.RunAsync(
            ["monitor", "add", "--name", "Blocked", "--parts", "Gizmo:1", "--schedule", "@daily", "--recipients", "a@example.com"],
            new Dictionary<string, string?> { ["PRESETS_FILE_PATH"] = presets.FilePath, ["Presets__LockTimeout"] = "00:00:01" },
            presets.Folder);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"error: {presets.FilePath} is being written by another program (lock file {presets.FilePath}.lock); nothing was written, try again",
            result.SingleErrorLine());
        Assert.Equal(presets.Original, presets.Text);
    }

    [Fact]
    public async Task List_after_the_python_tool_dropped_the_lists_puts_them_back_and_says_so()
    {
        using var presets = new MonitorPresetsFolder();
        var paused = await presets.RunAsync("deactivate", WidgetId); // any write records the version it wrote
        Assert.True(paused.ExitCode == 0, paused.StdErr);
        var ours = presets.Json["monitoring_lists"]!.DeepClone();
        const string pythonSave = """{ "presets": [ { "name": "From Python", "items": [] } ], "filepath": "presets.json" }""";
        File.WriteAllText(presets.FilePath, pythonSave);

        var result = await presets.RunAsync("list");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var warning = Assert.Single(result.StdErr.Lines());
        Assert.StartsWith($"warning: {presets.FilePath} had been saved without its monitoring lists (the Python tool drops them); put back "
            + "\"Widget line, weekly\", \"Sensor spares\", \"Too eager\"; the file as found is kept in ", warning, StringComparison.Ordinal);
        Assert.Contains("Widget line, weekly", result.StdOut, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(ours, presets.Json["monitoring_lists"]));
        Assert.Equal("From Python", (string?)presets.Json["presets"]![0]!["name"]);
        var kept = warning[(warning.LastIndexOf(" kept in ", StringComparison.Ordinal) + " kept in ".Length)..];
        Assert.Equal(pythonSave, File.ReadAllText(kept));
    }
}
