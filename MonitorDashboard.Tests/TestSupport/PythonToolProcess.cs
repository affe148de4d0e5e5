using System.Diagnostics;
using System.Text.Json.Nodes;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// The Python tool saving a calculator preset into presets.json, in a python3 process: it reads the file, adds (or
/// replaces, by name) the preset and writes the file in place, without a lock file. Its current release dumps only the
/// keys its pydantic model knows (<c>presets</c> and <c>filepath</c>), so the save drops <c>monitoring_lists</c>;
/// <c>keepOtherKeys</c> is a release (or an editor) that keeps them.
/// </summary>
internal static class PythonToolProcess
{
    private const string Script = """
        import json, sys
        path, preset, keep = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3] == "keep"
        with open(path) as f:
            data = json.load(f)
        presets = [p for p in data.get("presets", []) if p.get("name") != preset["name"]] + [preset]
        out = dict(data, presets=presets) if keep else {"presets": presets, "filepath": data.get("filepath", "presets.json")}
        with open(path, "w") as f:
            json.dump(out, f, indent=2)
        print("saved", flush=True)
        """;

    /// <summary>Saves the preset <paramref name="name"/> with these items; returns the file as the tool left it.</summary>
    public static async Task<byte[]> SavePresetAsync(string presetsPath, string name, (int PartId, int Quantity)[] items, bool keepOtherKeys = false)
    {
        var preset = new JsonObject
        {
            ["name"] = name,
            ["items"] = new JsonArray([.. items.Select(i => new JsonObject { ["part_id"] = i.PartId, ["quantity"] = i.Quantity })]),
        };
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(presetsPath);
        start.ArgumentList.Add(preset.ToJsonString());
        start.ArgumentList.Add(keepOtherKeys ? "keep" : "drop");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start python3");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        if (process.ExitCode != 0 || (await stdout).Trim() != "saved")
        {
            throw new InvalidOperationException($"the Python tool's save failed ({process.ExitCode}): {await stderr}");
        }
        return await File.ReadAllBytesAsync(presetsPath, TestContext.Current.CancellationToken);
    }
}
