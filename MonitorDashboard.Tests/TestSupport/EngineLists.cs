using System.Text.Json.Nodes;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// presets.json content for the engine tests, naming parts of the sample catalog. The production list is
/// SAMPLE_CATALOG.md's worked example (a): "Master Assembly" 60 and "Widget Assembly" revision B 5 — 19 parts to
/// order, 9 subassemblies to build, 4 critical.
/// </summary>
internal static class EngineLists
{
    public const string ProductionId = "5b0e6a1c-7d2f-4e38-9a41-0c6d2b8e1f01";
    public const string ProductionName = "Production plan";
    public const string AlwaysId = "5b0e6a1c-7d2f-4e38-9a41-0c6d2b8e1f02";
    public const string AlwaysName = "Sensor boards, daily";

    public static readonly string ProductionSubject = "[MonitorDashboard] Production plan: 19 to order, 9 to build, 4 critical";

    /// <summary>(a) of SAMPLE_CATALOG.md, on_change.</summary>
    public static JsonObject Production(string cron = "0 7 * * *", string notify = NotifyConditions.OnChange) => List(
        ProductionId, ProductionName, cron, notify,
        new JsonObject { ["name"] = "Master Assembly", ["quantity"] = 60 },
        new JsonObject { ["name"] = "Widget Assembly", ["quantity"] = 5, ["version"] = "B" });

    /// <summary>(e) of SAMPLE_CATALOG.md reduced to the Sensor Board: build 1, nothing to order, nothing critical.</summary>
    public static JsonObject SensorBoards(string notify = NotifyConditions.Always) => List(
        AlwaysId, AlwaysName, "0 6 * * *", notify,
        new JsonObject { ["name"] = "Sensor Board", ["quantity"] = 10 });

    public static string File(params JsonObject[] lists) => new JsonObject
    {
        ["presets"] = new JsonArray(),
        ["monitoring_lists"] = new JsonArray([.. lists]),
        ["filepath"] = "presets.json",
    }.ToJsonString();

    private static JsonObject List(string id, string name, string cron, string notify, params JsonObject[] parts) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["parts"] = new JsonArray([.. parts]),
        ["active"] = true,
        ["cron_schedule"] = cron,
        ["timezone"] = "UTC",
        ["recipients"] = new JsonArray(EngineHarness.Planner),
        ["notify_condition"] = notify,
        ["last_hash"] = null,
    };
}
