using Cronos;

namespace MonitorDashboard.Cron;

/// <summary>
/// Outcome of <see cref="CronSchedule.Parse"/>: either a Cronos expression (with the format that was detected)
/// or an error that says what is wrong.
/// </summary>
public sealed record CronParseResult(string Expression, CronExpression? Cron, CronFormat Format, string? Error)
{
    public bool Success => Cron is not null;

    /// <summary>
    /// True when both day-of-month and day-of-week are restricted. Cronos requires BOTH to match (AND),
    /// unlike Vixie cron which fires when EITHER matches, so the UI warns about it.
    /// </summary>
    public bool RestrictsDayOfMonthAndDayOfWeek =>
        Cron is not null && CronFields.From(Cron) is { DayOfMonth.IsAll: false, DayOfWeek.IsAll: false };
}

/// <summary>The smallest gap between two consecutive runs, and whether all gaps are equal ("every 5 minutes").</summary>
public sealed record CronGap(TimeSpan Minimum, bool IsUniform);
