using System.Text.Json.Nodes;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Cli.Monitor;

/// <summary>
/// A temp folder with a presets.json as the Python tool writes it (its "filepath" key, an "email_configs" key and an
/// "interval_minutes" key inside a list), and a runner for <c>MonitorDashboard monitor …</c> on it.
/// </summary>
internal sealed class MonitorPresetsFolder : IDisposable
{
    public const string WidgetId = "3f1c2a7e-9b1d-4c1e-8f3a-2b5d6e7f8a90";
    public const string SparesId = "3f9b0c11-2d3e-4f50-8a6b-7c8d9e0f1a2b";
    public const string BrokenId = "a0c4e8f2-1b3d-4e5f-9a7b-0c1d2e3f4a5b";

    /// <summary>Two valid lists (one paused, without a time zone) and one whose schedule is too frequent.</summary>
    public const string PythonFile = """
        {
          "presets": [
            { "name": "Test", "items": [ { "part_id": 1525, "quantity": 5 } ] }
          ],
          "monitoring_lists": [
            {
              "id": "3f1c2a7e-9b1d-4c1e-8f3a-2b5d6e7f8a90",
              "name": "Widget line, weekly",
              "parts": [
                { "name": "Widget Assembly", "quantity": 10, "version": "B" },
                { "name": "Doohickey", "quantity": 5.0 }
              ],
              "active": true,
              "interval_minutes": 60,
              "cron_schedule": "0 7 * * 1-5",
              "timezone": "Europe/Berlin",
              "recipients": ["planning@example.com"],
              "notify_condition": "on_change",
              "last_hash": "9c2f"
            },
            {
              "id": "3f9b0c11-2d3e-4f50-8a6b-7c8d9e0f1a2b",
              "name": "Sensor spares",
              "parts": [ { "name": "Sensor Board", "quantity": 20 } ],
              "active": false,
              "cron_schedule": "30 6 1 * *",
              "recipients": ["stores@example.com", "buyer@example.com"],
              "notify_condition": "always",
              "last_hash": null
            },
            {
              "id": "a0c4e8f2-1b3d-4e5f-9a7b-0c1d2e3f4a5b",
              "name": "Too eager",
              "parts": [ { "name": "Gizmo", "quantity": 1 } ],
              "active": true,
              "cron_schedule": "*/2 * * * *",
              "timezone": "America/New_York",
              "recipients": ["planning@example.com"],
              "notify_condition": "on_change",
              "last_hash": null
            }
          ],
          "email_configs": [],
          "filepath": "presets.json"
        }
        """;

    public MonitorPresetsFolder(string content = PythonFile)
    {
        Folder = Directory.CreateTempSubdirectory("md-monitor-").FullName;
        FilePath = Path.Combine(Folder, "presets.json");
        File.WriteAllText(FilePath, content);
        Original = content;
    }

    public string Folder { get; }

    public string FilePath { get; }

    public string BackupPath => FilePath + ".bak";

    /// <summary>The content written at the start.</summary>
    public string Original { get; }

    public string Text => File.ReadAllText(FilePath);

    public JsonNode Json => JsonNode.Parse(Text)!;

    public JsonNode List(string id) =>
        Json["monitoring_lists"]!.AsArray().Single(l => (string?)l!["id"] == id)!;

    /// <summary>Runs <c>monitor &lt;args&gt;</c> with <c>PRESETS_FILE_PATH</c> on this file; the working folder holds no .env.</summary>
    public Task<ProcessResult> RunAsync(params string[] args) =>
        AppProcess.RunAsync(["monitor", .. args], new Dictionary<string, string?> { ["PRESETS_FILE_PATH"] = FilePath }, Folder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}

internal static class ProcessResultAssertions
{
    /// <summary>Stderr is exactly one "error: …" line.</summary>
    public static string SingleErrorLine(this ProcessResult result)
    {
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        return line.TrimEnd('\r');
    }

    public static string[] Lines(this string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
