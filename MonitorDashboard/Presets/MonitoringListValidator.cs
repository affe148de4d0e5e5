using System.Globalization;
using MonitorDashboard.Cron;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Presets;

/// <summary>
/// Every rule a monitoring list must pass before it is saved or scheduled. Each message names the list
/// (by name, or id when the name is empty) and the field, so a log line or CLI error is enough to fix it.
/// </summary>
public sealed class MonitoringListValidator(IOptions<ScheduleOptions> scheduleOptions, TimeProvider time)
{
    // Read on use, not in the constructor: start-up validation must get to report every problem first.
    private ScheduleOptions Options => scheduleOptions.Value;

    /// <summary>
    /// Validates every list. Uniqueness: an untouched list conflicts only with an earlier list (the first one
    /// wins, so one duplicate in a hand-edited file does not disable both); a list in <paramref name="touched"/>
    /// conflicts with any other list, so a change that introduces a duplicate is the one refused.
    /// </summary>
    public IReadOnlyList<ListValidationResult> ValidateAll(IReadOnlyList<MonitoringList> lists, IReadOnlySet<int>? touched = null)
    {
        // Linear in the number of lists: a thousand lists are validated on every load and every write of the file,
        // so uniqueness is looked up by key and a schedule shared by many lists is checked once.
        var ids = UniqueKeys.Of(lists, l => l.Id);
        var names = UniqueKeys.Of(lists, l => l.Name);
        var schedules = new Dictionary<(string?, string?), ScheduleCheck>();
        var results = new List<ListValidationResult>(lists.Count);
        for (var i = 0; i < lists.Count; i++)
        {
            var isTouched = touched?.Contains(i) == true;
            var list = lists[i];
            results.Add(ValidateCore(list, i, ids.Conflicts(list.Id, i, isTouched), names.Conflicts(list.Name, i, isTouched),
                (cron, zone) => schedules.TryGetValue((cron, zone), out var known) ? known : schedules[(cron, zone)] = CheckSchedule(cron, zone)));
        }
        return results;
    }

    /// <summary>Validates one list against <paramref name="others"/> for id and name uniqueness.</summary>
    public ListValidationResult Validate(MonitoringList list, IReadOnlyCollection<MonitoringList> others, int index = 0) =>
        ValidateCore(list, index,
            !string.IsNullOrWhiteSpace(list.Id) && others.Any(o => UniqueKeys.Same(o.Id, list.Id)),
            !string.IsNullOrWhiteSpace(list.Name) && others.Any(o => UniqueKeys.Same(o.Name, list.Name)),
            (cron, zone) => CheckSchedule(cron, zone));

    private ListValidationResult ValidateCore(MonitoringList list, int index, bool idTaken, bool nameTaken,
        Func<string?, string?, ScheduleCheck> checkSchedule)
    {
        var label = Label(list, index);
        var errors = new List<ValidationError>();
        var warnings = new List<string>();
        void Error(string field, string detail) => errors.Add(new ValidationError(field, detail, $"{label}: {detail}"));

        CheckId(list, idTaken, Error);
        CheckName(list, nameTaken, Error);
        CheckParts(list, Error);
        var zoneKnown = TryResolveTimeZone(list.TimeZone, out _);
        if (!zoneKnown)
        {
            Error("timezone", TimeZoneError(list.TimeZone));
        }
        // With an unknown zone the schedule is still checked (in the default zone), so all problems show at once.
        var schedule = checkSchedule(list.CronSchedule, zoneKnown ? list.TimeZone : null);
        if (schedule.Error is not null)
        {
            Error(schedule.TimeZone is null ? "timezone" : "cron_schedule", schedule.Error);
        }
        if (schedule.Warning is not null)
        {
            warnings.Add($"{label}: {schedule.Warning}");
        }
        CheckRecipients(list, Error, warnings, label);
        if (list.NotifyCondition is not (NotifyConditions.Always or NotifyConditions.OnChange))
        {
            Error("notify_condition", $"notify_condition \"{list.NotifyCondition}\" must be \"always\" or \"on_change\"");
        }
        if (list.InProduction is { } rule && !InProductionNames.All.Contains(rule, StringComparer.Ordinal))
        {
            Error("in_production", $"in_production \"{Printable(rule)}\" must be \"scheduled\", \"building\" or \"legacy\"");
        }
        return new ListValidationResult(index, list.Id ?? "", list.Name ?? "", errors, warnings);
    }

    /// <summary>
    /// The edit form's live check: parse, the time zone, "never runs", the minimum interval, the description,
    /// the next <paramref name="upcoming"/> runs, and the warning when day-of-month and day-of-week are both restricted.
    /// </summary>
    public ScheduleCheck CheckSchedule(string? cronSchedule, string? timeZoneId, int upcoming = 5)
    {
        var expression = cronSchedule?.Trim() ?? "";
        if (!TryResolveTimeZone(timeZoneId, out var zone))
        {
            return new ScheduleCheck(TimeZoneError(Options.ZoneIdOf(timeZoneId)), null, null, [], null);
        }
        var parsed = CronSchedule.Parse(expression);
        if (parsed.Cron is null)
        {
            return new ScheduleCheck($"cron_schedule \"{expression}\" {parsed.Error}", null, null, [], zone);
        }
        var description = CronDescriber.Describe(parsed.Cron);
        var warning = parsed.RestrictsDayOfMonthAndDayOfWeek
            ? $"cron_schedule \"{expression}\" restricts both day-of-month and day-of-week; a run needs BOTH to match ({description})"
            : null;
        var next = CronSchedule.NextOccurrences(parsed.Cron, zone, time.GetUtcNow(), Math.Max(upcoming, 1));
        if (next.Count == 0)
        {
            return new ScheduleCheck($"cron_schedule \"{expression}\" never runs: no date matches its day-of-month, month and day-of-week", warning, description, [], zone);
        }
        if (CronSchedule.MinimumGap(parsed.Cron) is { } gap && gap.Minimum < Options.MinimumInterval)
        {
            var how = gap.IsUniform ? $"runs every {Duration(gap.Minimum)}" : $"runs as little as {Duration(gap.Minimum)} apart";
            return new ScheduleCheck(
                $"cron_schedule \"{expression}\" {how}, more often than the minimum interval of {Duration(Options.MinimumInterval)}",
                warning, description, next.Take(upcoming).ToList(), zone);
        }
        return new ScheduleCheck(null, warning, description, next.Take(upcoming).ToList(), zone);
    }

    /// <summary>The list's own time zone, or the configured default when it has none.</summary>
    public bool TryResolveTimeZone(string? timeZoneId, out TimeZoneInfo zone)
    {
        var id = Options.ZoneIdOf(timeZoneId);
        if (IanaTimeZones.TryFind(id, out var found))
        {
            zone = found;
            return true;
        }
        zone = TimeZoneInfo.Utc;
        return false;
    }

    /// <summary>"5 minutes", "1 hour 30 minutes", "30 seconds".</summary>
    public static string Duration(TimeSpan span)
    {
        var parts = new List<string>();
        void Add(int value, string unit)
        {
            if (value > 0)
            {
                parts.Add(value == 1 ? $"1 {unit}" : $"{value.ToString(CultureInfo.InvariantCulture)} {unit}s");
            }
        }
        Add((int)span.TotalDays, "day");
        Add(span.Hours, "hour");
        Add(span.Minutes, "minute");
        Add(span.Seconds, "second");
        return parts.Count == 0 ? "0 seconds" : string.Join(" ", parts);
    }

    private static string Label(MonitoringList list, int index) =>
        !string.IsNullOrWhiteSpace(list.Name) ? $"List \"{list.Name}\""
        : !string.IsNullOrWhiteSpace(list.Id) ? $"List {list.Id}"
        : $"List #{index + 1}";

    private static string TimeZoneError(string? timeZoneId) =>
        $"timezone \"{timeZoneId}\" is not a known IANA time zone (e.g. Europe/Berlin)";

    private static void CheckId(MonitoringList list, bool taken, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(list.Id))
        {
            error("id", "id is missing");
        }
        else if (taken)
        {
            error("id", $"id \"{list.Id}\" is used by another list");
        }
    }

    private static void CheckName(MonitoringList list, bool taken, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(list.Name))
        {
            error("name", "name must not be empty");
            return;
        }
        if (list.Name.Any(char.IsControl))
        {
            error("name", "name must not contain control characters (line breaks, tabs...)");
        }
        if (taken)
        {
            error("name", $"name \"{list.Name}\" is already used by another list");
        }
    }

    private static void CheckParts(MonitoringList list, Action<string, string> error)
    {
        if (list.Parts is not { Count: > 0 })
        {
            error("parts", "parts must contain at least one part");
            return;
        }
        for (var i = 0; i < list.Parts.Count; i++)
        {
            var part = list.Parts[i];
            if (string.IsNullOrWhiteSpace(part.Name))
            {
                error("parts", $"parts[{i + 1}] name must not be empty");
            }
            else if (part.Name.Any(char.IsControl))
            {
                error("parts", $"parts[{i + 1}] name \"{part.Name}\" must not contain control characters");
            }
            if (part.Quantity <= 0)
            {
                var name = string.IsNullOrWhiteSpace(part.Name) ? $"parts[{i + 1}]" : $"part \"{part.Name}\"";
                error("parts", $"{name} quantity {part.Quantity.ToString(CultureInfo.InvariantCulture)} must be greater than 0");
            }
        }
    }

    private static void CheckRecipients(MonitoringList list, Action<string, string> error, List<string> warnings, string label)
    {
        var recipients = list.Recipients ?? [];
        if (recipients.Count == 0)
        {
            warnings.Add($"{label}: recipients is empty; results are only shown in the dashboard");
        }
        if (recipients.Count > EmailAddressRule.MaxRecipients)
        {
            error("recipients", $"recipients has {recipients.Count} addresses; at most {EmailAddressRule.MaxRecipients} are allowed");
        }
        foreach (var address in recipients.Where(a => !EmailAddressRule.IsValid(a)))
        {
            error("recipients", $"recipients \"{Printable(address)}\" is not a valid email address");
        }
    }

    // Keeps a CR/LF injection attempt visible in the message without breaking the log line.
    private static string Printable(string? value) =>
        string.Concat((value ?? "").Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
