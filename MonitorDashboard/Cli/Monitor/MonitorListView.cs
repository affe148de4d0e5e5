using MonitorDashboard.Cron;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Cli.Monitor;

/// <summary>
/// A list as the CLI shows it: its fields, validity, the plain-language schedule, and its upcoming runs in its
/// own time zone (only a valid, active list actually runs).
/// </summary>
internal sealed record MonitorListView(
    MonitoringList List,
    ListValidationResult Validation,
    string EffectiveTimeZone,
    string? ScheduleDescription,
    IReadOnlyList<DateTimeOffset> UpcomingRuns,
    IReadOnlyList<string> Warnings)
{
    public bool IsValid => Validation.IsValid;

    public bool WillRun => IsValid && List.Active;

    public DateTimeOffset? NextRun => WillRun && UpcomingRuns.Count > 0 ? UpcomingRuns[0] : null;

    public bool UsesDefaultTimeZone => string.IsNullOrWhiteSpace(List.TimeZone);

    public string TimeZoneLabel => UsesDefaultTimeZone ? $"{EffectiveTimeZone} (default)" : List.TimeZone!;

    /// <summary>"valid" or "invalid: &lt;first reason&gt;".</summary>
    public string Status => IsValid ? "valid" : "invalid: " + Validation.Errors[0].Detail;

    public static MonitorListView Create(
        MonitoringList list, ListValidationResult validation, MonitoringListValidator validator, ScheduleOptions schedule, int upcoming)
    {
        var check = validator.CheckSchedule(list.CronSchedule, list.TimeZone, upcoming);
        var zone = schedule.ZoneIdOf(list.TimeZone);
        return new MonitorListView(
            list, validation, zone, CronDescriber.Describe(list.CronSchedule), check.NextRuns,
            validation.Warnings.Select(w => WithoutLabel(w, list, validation.Index)).ToList());
    }

    /// <summary>"Tue 2025-06-03 07:00 +02:00": local time in the list's zone, with its offset.</summary>
    public static string FormatRun(DateTimeOffset run) =>
        run.ToString("ddd yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture);

    // The validator prefixes warnings with the list's label for logs; beside the list itself that is noise.
    private static string WithoutLabel(string warning, MonitoringList list, int index)
    {
        string[] labels = [$"List \"{list.Name}\": ", $"List {list.Id}: ", $"List #{index + 1}: "];
        var label = labels.FirstOrDefault(l => warning.StartsWith(l, StringComparison.Ordinal));
        return label is null ? warning : warning[label.Length..];
    }
}
