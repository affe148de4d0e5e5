using System.Text.Encodings.Web;
using System.Text.Json;

namespace MonitorDashboard.Cli.Monitor;

/// <summary>The <c>monitor list --json</c> shape: an array of lists with snake_case keys, next_run as ISO 8601 with offset.</summary>
internal static class MonitorListJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // Output for scripts and terminals, never HTML: keep "A & B" and a+b@x readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(IEnumerable<MonitorListView> views) =>
        JsonSerializer.Serialize(views.Select(ToItem).ToList(), Options);

    private static Item ToItem(MonitorListView v) => new(
        v.List.Id,
        v.List.Name,
        v.List.Active,
        v.List.CronSchedule,
        v.ScheduleDescription,
        v.List.TimeZone,
        v.EffectiveTimeZone,
        v.NextRun,
        v.List.Recipients,
        v.List.NotifyCondition,
        v.List.Parts.Select(p => new Part(p.Name, p.Version, p.Quantity)).ToList(),
        v.List.LastHash,
        v.IsValid,
        v.Validation.Errors.Select(e => new Error(e.Field, e.Detail)).ToList(),
        v.Warnings);

    private sealed record Item(
        string Id, string Name, bool Active, string CronSchedule, string? ScheduleDescription, string? Timezone, string EffectiveTimezone,
        DateTimeOffset? NextRun, IReadOnlyList<string> Recipients, string NotifyCondition, IReadOnlyList<Part> Parts, string? LastHash,
        bool Valid, IReadOnlyList<Error> Errors, IReadOnlyList<string> Warnings);

    private sealed record Part(string Name, string? Version, decimal Quantity);

    private sealed record Error(string Field, string Message);
}
