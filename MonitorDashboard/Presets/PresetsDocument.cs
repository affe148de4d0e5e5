using System.Text.Json;
using System.Text.Json.Serialization;

namespace MonitorDashboard.Presets;

/// <summary>
/// The content of presets.json, the file the Python tool writes. Keys this app does not know (the Python
/// tool's <c>"filepath"</c>, <c>"email_configs"</c>...) are kept in <see cref="Extra"/> with their exact values and
/// written back after the known keys, in their original order.
/// </summary>
public sealed record PresetsDocument
{
    [JsonPropertyName("presets"), JsonPropertyOrder(0)]
    public IReadOnlyList<CalculatorPreset> Presets { get; init; } = [];

    [JsonPropertyName("monitoring_lists"), JsonPropertyOrder(1)]
    public IReadOnlyList<MonitoringList> MonitoringLists { get; init; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    public static PresetsDocument Empty { get; } = new();
}

/// <summary>A calculator preset: a named set of parts (by InvenTree id, or name/IPN) and quantities.</summary>
public sealed record CalculatorPreset
{
    [JsonPropertyName("name"), JsonPropertyOrder(0)]
    public string Name { get; init; } = "";

    [JsonPropertyName("items"), JsonPropertyOrder(1)]
    public IReadOnlyList<PresetItem> Items { get; init; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>One line of a calculator preset. <c>part_id</c> is a number or a string in the Python tool, so it stays raw JSON.</summary>
public sealed record PresetItem
{
    [JsonPropertyName("part_id"), JsonPropertyOrder(0)]
    public JsonElement PartId { get; init; }

    [JsonPropertyName("quantity"), JsonPropertyOrder(1)]
    public decimal Quantity { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>A monitored top-level part. <see cref="Quantity"/> is decimal so 10 and 10.0 are both written back as they were.</summary>
public sealed record MonitoredPart
{
    [JsonPropertyName("name"), JsonPropertyOrder(0)]
    public string Name { get; init; } = "";

    [JsonPropertyName("quantity"), JsonPropertyOrder(1)]
    public decimal Quantity { get; init; }

    /// <summary>Optional InvenTree part revision.</summary>
    [JsonPropertyName("version"), JsonPropertyOrder(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Version { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>A monitoring list (task). Known keys are written in the Python tool's order.</summary>
public sealed record MonitoringList
{
    [JsonPropertyName("id"), JsonPropertyOrder(0)]
    public string Id { get; init; } = "";

    [JsonPropertyName("name"), JsonPropertyOrder(1)]
    public string Name { get; init; } = "";

    [JsonPropertyName("parts"), JsonPropertyOrder(2)]
    public IReadOnlyList<MonitoredPart> Parts { get; init; } = [];

    [JsonPropertyName("active"), JsonPropertyOrder(3)]
    public bool Active { get; init; } = true;

    [JsonPropertyName("cron_schedule"), JsonPropertyOrder(4)]
    public string CronSchedule { get; init; } = "";

    /// <summary>IANA id; null means the configured default (<c>MonitoringOptions.TimeZone</c>).</summary>
    [JsonPropertyName("timezone"), JsonPropertyOrder(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TimeZone { get; init; }

    [JsonPropertyName("recipients"), JsonPropertyOrder(6)]
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary><c>always</c> or <c>on_change</c>.</summary>
    [JsonPropertyName("notify_condition"), JsonPropertyOrder(7)]
    public string NotifyCondition { get; init; } = NotifyConditions.OnChange;

    /// <summary>Hash of the significant result of the last report that was accepted for delivery.</summary>
    [JsonPropertyName("last_hash"), JsonPropertyOrder(8)]
    public string? LastHash { get; init; }

    /// <summary>Leave parts flagged optional out of the report (numbers unchanged); absent means off.</summary>
    [JsonPropertyName("hide_optional"), JsonPropertyOrder(9), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? HideOptional { get; init; }

    /// <summary>One of <see cref="InProductionNames.All"/>; absent means <c>scheduled</c>.</summary>
    [JsonPropertyName("in_production"), JsonPropertyOrder(10), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InProduction { get; init; }

    /// <summary>Order parts back up to their minimum stock besides the demand (numbers change); absent means off.</summary>
    [JsonPropertyName("replenish_to_minimum"), JsonPropertyOrder(11), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ReplenishToMinimum { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>
/// The values of a list's <c>in_production</c> key. They name Calculation's <c>InProductionRule</c>s, which this layer
/// may not use; a test keeps the two lists equal.
/// </summary>
public static class InProductionNames
{
    public static IReadOnlyList<string> All { get; } = ["scheduled", "building", "legacy"];
}

public static class NotifyConditions
{
    public const string Always = "always";
    public const string OnChange = "on_change";
}
