using Cronos;
using MonitorDashboard.Cron;

namespace MonitorDashboard.Tests.Cron;

public sealed class CronScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData("0 9 * * *", CronFormat.Standard)]
    [InlineData("  0   9 * * *  ", CronFormat.Standard)]
    [InlineData("0 0 9 * * *", CronFormat.IncludeSeconds)]
    [InlineData("@daily", CronFormat.Standard)]
    [InlineData("@every_second", CronFormat.Standard)]
    [InlineData("0 9 ? * MON#2", CronFormat.Standard)]
    [InlineData("0 9 LW * *", CronFormat.Standard)]
    public void The_format_of_an_expression_is_detected(string expression, CronFormat format)
    {
        var result = CronSchedule.Parse(expression);

        Assert.True(result.Success, result.Error);
        Assert.Equal(format, result.Format);
    }

    [Theory]
    [InlineData("@yearly")]
    [InlineData("@annually")]
    [InlineData("@monthly")]
    [InlineData("@weekly")]
    [InlineData("@daily")]
    [InlineData("@midnight")]
    [InlineData("@hourly")]
    [InlineData("@every_minute")]
    [InlineData("@every_second")]
    [InlineData("@DAILY")]
    public void Every_cronos_macro_is_accepted(string macro) => Assert.True(CronSchedule.Parse(macro).Success);

    [Theory]
    [InlineData(null, "is empty")]
    [InlineData("@reboot", "is not a supported macro")]
    [InlineData("* * * * * * *", "has 7 fields")]
    [InlineData("0 24 * * *", "is invalid: Hours: Value must be a number between 0 and 23")]
    [InlineData("H 9 * * *", "is invalid: H (hashed) values are not supported")]
    [InlineData("0 9 * * 1#6", "is invalid: Days of week")]
    public void An_invalid_expression_is_refused_saying_what_is_wrong(string? expression, string error)
    {
        var result = CronSchedule.Parse(expression);

        Assert.False(result.Success);
        Assert.StartsWith(error, result.Error);
    }

    [Fact]
    public void Day_of_month_and_day_of_week_must_both_match_giving_first_Mondays()
    {
        var runs = CronSchedule.NextOccurrences("0 9 1-7 * MON", Berlin, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), 3);

        Assert.Equal([6, 3, 3], runs.Select(r => r.Day));
        Assert.All(runs, r => Assert.Equal(DayOfWeek.Monday, r.DayOfWeek));
        Assert.True(CronSchedule.Parse("0 9 1-7 * MON").RestrictsDayOfMonthAndDayOfWeek);
        Assert.False(CronSchedule.Parse("0 9 1-7 * *").RestrictsDayOfMonthAndDayOfWeek);
    }

    [Fact]
    public void A_time_skipped_by_spring_forward_runs_right_after_the_jump()
    {
        // 2025-03-30: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist that day.
        var runs = CronSchedule.NextOccurrences("30 2 * * *", Berlin, new DateTimeOffset(2025, 3, 29, 0, 0, 0, TimeSpan.Zero), 3);

        Assert.Equal(
            [new DateTimeOffset(2025, 3, 29, 2, 30, 0, TimeSpan.FromHours(1)),
             new DateTimeOffset(2025, 3, 30, 3, 0, 0, TimeSpan.FromHours(2)),
             new DateTimeOffset(2025, 3, 31, 2, 30, 0, TimeSpan.FromHours(2))],
            runs);
    }

    [Fact]
    public void A_time_repeated_by_fall_back_runs_once()
    {
        // 2025-10-26: 03:00 CEST falls back to 02:00 CET, so 02:30 happens twice on the wall clock.
        var runs = CronSchedule.NextOccurrences("30 2 * * *", Berlin, new DateTimeOffset(2025, 10, 25, 0, 0, 0, TimeSpan.Zero), 3);

        Assert.Equal(
            [new DateTimeOffset(2025, 10, 25, 2, 30, 0, TimeSpan.FromHours(2)),
             new DateTimeOffset(2025, 10, 26, 2, 30, 0, TimeSpan.FromHours(2)),
             new DateTimeOffset(2025, 10, 27, 2, 30, 0, TimeSpan.FromHours(1))],
            runs);
    }

    [Fact]
    public void A_date_that_never_comes_gives_no_next_runs() =>
        Assert.Empty(CronSchedule.NextOccurrences("0 9 30 2 *", TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch, 5));

    [Fact]
    public void Asking_an_invalid_expression_for_next_runs_throws() =>
        Assert.Throws<FormatException>(() => CronSchedule.NextOccurrences("nope", TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch, 1));

    [Theory]
    [InlineData("*/2 * * * *", 120, true)]
    [InlineData("0,1 9 * * *", 60, false)]
    [InlineData("@hourly", 3600, true)]
    [InlineData("0 0 9 * * *", 86400, true)]
    [InlineData("* * * * * *", 1, true)]
    [InlineData("*/7 * * * *", 240, false)] // 56 -> 0 across the hour
    [InlineData("0 9 * * MON", 7 * 86400, true)]
    [InlineData("0 9 * * 1-5", 86400, false)]
    [InlineData("0,58 0,23 1,31 * *", 120, false)] // 23:58 on the 31st, 00:00 on the 1st
    [InlineData("59 23 L * *", 28 * 86400, false)]
    public void The_minimum_gap_between_runs_is_found_for_every_pattern(string expression, int seconds, bool uniform)
    {
        var gap = CronSchedule.MinimumGap(CronSchedule.Parse(expression).Cron!);

        Assert.Equal(new CronGap(TimeSpan.FromSeconds(seconds), uniform), gap);
    }

    [Fact]
    public void A_minimum_gap_next_to_a_leap_day_is_found_within_the_calendar_cycle()
    {
        // Feb 29 and Mar 1 are consecutive only in leap years; 23:58 then 00:00 is 2 minutes.
        var gap = CronSchedule.MinimumGap(CronSchedule.Parse("0,58 0,23 29,1 2,3 *").Cron!);

        Assert.Equal(TimeSpan.FromMinutes(2), gap!.Minimum);
    }

    [Fact]
    public void A_schedule_that_never_runs_has_no_minimum_gap() => Assert.Null(CronSchedule.MinimumGap(CronSchedule.Parse("0 9 31 2 *").Cron!));
}
