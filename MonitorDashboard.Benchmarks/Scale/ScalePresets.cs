using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MonitorDashboard.Benchmarks.Scale;

/// <summary>An assembly the lists ask for, as a user types it in a list's parts.</summary>
internal sealed record ScaleAssembly(string Name, string? Version = null);

/// <summary>
/// presets.json with N monitoring lists over six assemblies of the dataset (two parts each, varied quantities), all
/// due at the same minute, <c>always</c> reported to one recipient, so every due list is one full check: fetch,
/// calculate, render, deliver, record.
/// </summary>
internal static class ScalePresets
{
    public const string Recipient = "planning@example.com";

    /// <summary>Six assemblies of InvenTree's demo dataset, from a 7-line to a 60-line BOM, one three levels deep.</summary>
    public static readonly IReadOnlyList<ScaleAssembly> DemoAssemblies =
    [
        new("Master Assembly"), new("Test Board 1"), new("Test Board 2"), new("Widget Assembly"), new("Round Table"), new("Doohickey"),
    ];

    /// <summary>Six assemblies of the bundled sample catalog.</summary>
    public static readonly IReadOnlyList<ScaleAssembly> SampleAssemblies =
    [
        new("Master Assembly"), new("Gateway Core Module"), new("Main Controller Board"), new("Sensor Head Assembly"),
        new("Data Logger DL-10"), new("Widget Assembly", "B"),
    ];

    /// <summary>The list's name: a search for it matches this list only (zero-padded, so "0042" is not in "0420").</summary>
    public static string Name(int index, int count) =>
        "Scale list " + index.ToString(new string('0', Math.Max(4, count.ToString(CultureInfo.InvariantCulture).Length)), CultureInfo.InvariantCulture);

    public static string Json(int count, IReadOnlyList<ScaleAssembly> assemblies, string cron)
    {
        var lists = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            lists.Add(new JsonObject
            {
                ["id"] = $"00000000-0000-4000-8000-{i:D12}",
                ["name"] = Name(i, count),
                ["parts"] = new JsonArray(
                    Part(assemblies[i % assemblies.Count], 1 + i % 50),
                    Part(assemblies[(i + 2) % assemblies.Count], 1 + i * 7 % 25)),
                ["active"] = true,
                ["cron_schedule"] = cron,
                ["timezone"] = "UTC",
                ["recipients"] = new JsonArray(Recipient),
                ["notify_condition"] = "always",
                ["last_hash"] = null,
            });
        }
        var document = new JsonObject { ["presets"] = new JsonArray(), ["monitoring_lists"] = lists };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Part(ScaleAssembly assembly, int quantity)
    {
        var part = new JsonObject { ["name"] = assembly.Name, ["quantity"] = quantity };
        if (assembly.Version is not null)
        {
            part["version"] = assembly.Version;
        }
        return part;
    }
}
