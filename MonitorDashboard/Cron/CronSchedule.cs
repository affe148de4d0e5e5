using Cronos;

namespace MonitorDashboard.Cron;

/// <summary>
/// Every cron decision of the app goes through here, so the dashboard, the CLI and the scheduler agree:
/// format detection, upcoming runs in a time zone, and the smallest gap between runs.
/// </summary>
public static class CronSchedule
{
    /// <summary>The macros Cronos 0.13 accepts (case-insensitive). <c>@reboot</c> is not one of them.</summary>
    public static IReadOnlyList<string> Macros { get; } =
        ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly", "@every_minute", "@every_second"];

    private const string CronosPrefix = "The given cron expression has an invalid format. ";

    /// <summary>
    /// Parses a macro, a 5-field expression (<see cref="CronFormat.Standard"/>) or a 6-field one with seconds first
    /// (<see cref="CronFormat.IncludeSeconds"/>). Never throws.
    /// </summary>
    public static CronParseResult Parse(string? expression)
    {
        var text = expression?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Fail(text, CronFormat.Standard, "is empty");
        }
        if (text.StartsWith('@'))
        {
            return Macros.Contains(text, StringComparer.OrdinalIgnoreCase)
                ? TryParse(text, CronFormat.Standard)
                : Fail(text, CronFormat.Standard, $"is not a supported macro; use one of {string.Join(", ", Macros)}");
        }
        var fieldCount = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return fieldCount switch
        {
            5 => TryParse(text, CronFormat.Standard),
            6 => TryParse(text, CronFormat.IncludeSeconds),
            _ => Fail(text, CronFormat.Standard,
                $"has {fieldCount} field{(fieldCount == 1 ? "" : "s")}; expected 5 (minute hour day-of-month month day-of-week), " +
                "6 (with seconds first) or a macro such as @daily"),
        };
    }

    /// <summary>The next <paramref name="count"/> runs after <paramref name="from"/> (exclusive), as local times of <paramref name="zone"/>.</summary>
    /// <exception cref="FormatException">The expression is invalid.</exception>
    public static IReadOnlyList<DateTimeOffset> NextOccurrences(string expression, TimeZoneInfo zone, DateTimeOffset from, int count)
    {
        var parsed = Parse(expression);
        return parsed.Cron is null
            ? throw new FormatException($"Cron expression \"{parsed.Expression}\" {parsed.Error}")
            : NextOccurrences(parsed.Cron, zone, from, count);
    }

    /// <inheritdoc cref="NextOccurrences(string, TimeZoneInfo, DateTimeOffset, int)"/>
    public static IReadOnlyList<DateTimeOffset> NextOccurrences(CronExpression cron, TimeZoneInfo zone, DateTimeOffset from, int count)
    {
        var result = new List<DateTimeOffset>(Math.Max(count, 0));
        var cursor = from;
        while (result.Count < count && cron.GetNextOccurrence(cursor, zone) is { } next)
        {
            result.Add(next);
            cursor = next;
        }
        return result;
    }

    /// <summary>
    /// The smallest wall-clock gap between two consecutive runs, or null when the expression never fires.
    /// </summary>
    /// <remarks>
    /// Measured on the schedule as written (wall clock, UTC), not in a particular zone: a spring-forward
    /// jump can squeeze two runs of a contrived schedule closer once a year, and rejecting a schedule for
    /// that would surprise more than it protects (the scheduler never overlaps runs of one list anyway).
    /// </remarks>
    public static CronGap? MinimumGap(CronExpression cron)
    {
        var fields = CronFields.From(cron);
        var times = TimeOfDayGaps(fields);
        var days = DayGaps(fields);
        if (days is null)
        {
            return null;
        }
        // Crossing from the last run of one matching day to the first run of the next matching day.
        var cross = TimeSpan.FromDays(days.Value.Min) - (times.Last - times.First);
        var minimum = times.MinIntra is { } intra && intra < cross ? intra : cross;
        var uniform = days.Value.Min == days.Value.Max
            && (times.MinIntra is null || (times.MinIntra == times.MaxIntra && times.MinIntra == cross));
        return new CronGap(minimum, uniform);
    }

    private readonly record struct TimeGaps(TimeSpan First, TimeSpan Last, TimeSpan? MinIntra, TimeSpan? MaxIntra);

    // Every day runs the same times of day, so one (UTC, DST-free) day shows every intra-day gap.
    private static TimeGaps TimeOfDayGaps(CronFields fields)
    {
        var cron = CronExpression.Parse(fields.TimeOfDayExpression, CronFormat.IncludeSeconds);
        var dayStart = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var dayEnd = dayStart.AddDays(1);
        TimeSpan? min = null, max = null;
        var first = cron.GetNextOccurrence(dayStart, inclusive: true)!.Value;
        var previous = first;
        while (cron.GetNextOccurrence(previous) is { } next && next < dayEnd)
        {
            var gap = next - previous;
            min = min is null || gap < min ? gap : min;
            max = max is null || gap > max ? gap : max;
            previous = next;
            if (min == TimeSpan.FromSeconds(1) && fields.Second.IsAll && fields.Minute.IsAll && fields.Hour.IsAll)
            {
                previous = dayEnd.AddSeconds(-1); // "* * * * * *": every second up to 23:59:59, no need to walk 86,400 steps
                break;
            }
        }
        return new TimeGaps(first - dayStart, previous - dayStart, min, max);
    }

    // Whole days between consecutive matching days. The Gregorian calendar, weekdays included, repeats
    // exactly every 400 years (146,097 days = 20,871 weeks), so one cycle plus the wrap into the next shows
    // every combination of day-of-month, month and day-of-week that can ever occur (Feb 29 on a Monday, the
    // 31st followed by the 1st...). With only day-of-week restricted the pattern repeats weekly, so two weeks do.
    private static (int Min, int Max)? DayGaps(CronFields fields)
    {
        var cron = CronExpression.Parse(fields.DayExpression, CronFormat.Standard);
        var start = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = fields.DayOfMonth.IsAll && fields.Month.IsAll ? start.AddDays(15) : start.AddYears(400);
        var everyDay = fields.DayOfMonth.IsAll && fields.Month.IsAll && fields.DayOfWeek.IsAll;
        if (cron.GetNextOccurrence(start, inclusive: true) is not { } first)
        {
            return null;
        }
        var wrapEnd = end + (first - start);
        int? min = null, max = null;
        var previous = first;
        while (previous < wrapEnd && cron.GetNextOccurrence(previous) is { } next)
        {
            var days = (int)Math.Round((next - previous).TotalDays);
            min = min is null || days < min ? days : min;
            max = max is null || days > max ? days : max;
            previous = next;
            if (min == 1 && !everyDay)
            {
                // Consecutive days exist, which is all the minimum needs; only "every day" is uniform at 1.
                max = int.MaxValue;
                break;
            }
            if (everyDay)
            {
                break;
            }
        }
        return min is null ? null : (min.Value, max!.Value);
    }

    private static CronParseResult TryParse(string text, CronFormat format)
    {
        try
        {
            return new CronParseResult(text, CronExpression.Parse(text, format), format, null);
        }
        catch (CronFormatException ex)
        {
            var reason = ex.Message.StartsWith(CronosPrefix, StringComparison.Ordinal) ? ex.Message[CronosPrefix.Length..] : ex.Message;
            return Fail(text, format, $"is invalid: {reason}");
        }
        catch (MissingSeedException)
        {
            return Fail(text, format, "is invalid: H (hashed) values are not supported");
        }
    }

    private static CronParseResult Fail(string text, CronFormat format, string error) => new(text, null, format, error);
}
