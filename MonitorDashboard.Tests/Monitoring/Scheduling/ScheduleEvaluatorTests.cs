using Cronos;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Scheduling;

namespace MonitorDashboard.Tests.Monitoring.Scheduling;

public sealed class ScheduleEvaluatorTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    private static ScheduleDecision Evaluate(string cron, TimeZoneInfo zone, ListScheduleState? state, DateTimeOffset now) =>
        ScheduleEvaluator.Evaluate("list", Parse(cron), zone, ScheduleEvaluator.KeyOf(cron, zone), state, now, Grace);

    private static CronExpression Parse(string cron) =>
        CronExpression.Parse(cron, cron.Split(' ').Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);

    /// <summary>Ticks the evaluator like the dispatcher does and returns the instants it decided to run.</summary>
    private static List<DateTimeOffset> Simulate(string cron, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to, TimeSpan step)
    {
        var fired = new List<DateTimeOffset>();
        ListScheduleState? state = null;
        for (var now = from; now <= to; now += step)
        {
            var decision = Evaluate(cron, zone, state, now);
            Assert.Null(decision.Missed);
            if (decision.Due is { } due)
            {
                Assert.False(decision.IsCatchUp);
                fired.Add(due);
            }
            state = decision.State;
        }
        return fired;
    }

    [Fact]
    public void A_weekday_0700_berlin_list_fires_at_seven_local_time_across_the_spring_change()
    {
        // 2026-03-29 (Sunday) 02:00 CET → 03:00 CEST.
        var fired = Simulate("0 7 * * 1-5", Berlin,
            DateTimeOffset.Parse("2026-03-26T00:00:00Z"), DateTimeOffset.Parse("2026-04-01T00:00:00Z"), TimeSpan.FromMinutes(1));

        Assert.Equal(
            [
                DateTimeOffset.Parse("2026-03-26T06:00:00Z"), // Thu, CET (+1)
                DateTimeOffset.Parse("2026-03-27T06:00:00Z"), // Fri
                DateTimeOffset.Parse("2026-03-30T05:00:00Z"), // Mon, CEST (+2)
                DateTimeOffset.Parse("2026-03-31T05:00:00Z"), // Tue
            ],
            fired);
        Assert.All(fired, f => Assert.Equal(7, TimeZoneInfo.ConvertTime(f, Berlin).Hour));
    }

    [Fact]
    public void A_weekday_0700_berlin_list_fires_at_seven_local_time_across_the_autumn_change()
    {
        // 2026-10-25 (Sunday) 03:00 CEST → 02:00 CET.
        var fired = Simulate("0 7 * * 1-5", Berlin,
            DateTimeOffset.Parse("2026-10-22T00:00:00Z"), DateTimeOffset.Parse("2026-10-28T00:00:00Z"), TimeSpan.FromMinutes(1));

        Assert.Equal(
            [
                DateTimeOffset.Parse("2026-10-22T05:00:00Z"), // Thu, CEST (+2)
                DateTimeOffset.Parse("2026-10-23T05:00:00Z"), // Fri
                DateTimeOffset.Parse("2026-10-26T06:00:00Z"), // Mon, CET (+1)
                DateTimeOffset.Parse("2026-10-27T06:00:00Z"), // Tue
            ],
            fired);
    }

    [Fact]
    public void A_time_skipped_by_spring_forward_runs_right_after_the_jump_and_a_repeated_time_runs_once()
    {
        var spring = Simulate("30 2 * * *", Berlin,
            DateTimeOffset.Parse("2026-03-28T12:00:00Z"), DateTimeOffset.Parse("2026-03-30T12:00:00Z"), TimeSpan.FromMinutes(1));
        var autumn = Simulate("30 2 * * *", Berlin,
            DateTimeOffset.Parse("2026-10-24T12:00:00Z"), DateTimeOffset.Parse("2026-10-26T12:00:00Z"), TimeSpan.FromMinutes(1));

        Assert.Equal(
            [DateTimeOffset.Parse("2026-03-29T01:00:00Z"), DateTimeOffset.Parse("2026-03-30T00:30:00Z")], // 03:00 CEST on the day of the jump
            spring);
        Assert.Equal(
            [DateTimeOffset.Parse("2026-10-25T00:30:00Z"), DateTimeOffset.Parse("2026-10-26T01:30:00Z")], // once, at 02:30 CEST
            autumn);
    }

    [Fact]
    public void An_every_five_minutes_list_fires_every_five_minutes_and_not_between()
    {
        var fired = Simulate("*/5 * * * *", TimeZoneInfo.Utc,
            DateTimeOffset.Parse("2026-11-26T09:58:30Z"), DateTimeOffset.Parse("2026-11-26T10:21:00Z"), TimeSpan.FromSeconds(1));

        Assert.Equal(
            ["10:00", "10:05", "10:10", "10:15", "10:20"],
            fired.Select(f => f.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_six_field_expression_with_seconds_fires_on_its_second()
    {
        var fired = Simulate("30 0 9 * * *", TimeZoneInfo.Utc,
            DateTimeOffset.Parse("2026-11-26T08:59:00Z"), DateTimeOffset.Parse("2026-11-26T09:01:00Z"), TimeSpan.FromSeconds(1));

        Assert.Equal([DateTimeOffset.Parse("2026-11-26T09:00:30Z")], fired);
    }

    [Fact]
    public void A_new_list_is_scheduled_from_now_and_owes_nothing_from_the_past()
    {
        var decision = Evaluate("0 7 * * *", TimeZoneInfo.Utc, null, DateTimeOffset.Parse("2026-11-26T12:00:00Z"));

        Assert.Null(decision.Due);
        Assert.Null(decision.Missed);
        Assert.Equal(DateTimeOffset.Parse("2026-11-27T07:00:00Z"), decision.State.NextDue);
    }

    [Fact]
    public void Editing_the_schedule_reschedules_from_now()
    {
        var state = Evaluate("0 7 * * *", TimeZoneInfo.Utc, null, DateTimeOffset.Parse("2026-11-26T06:00:00Z")).State;
        Assert.Equal(DateTimeOffset.Parse("2026-11-26T07:00:00Z"), state.NextDue);

        var edited = Evaluate("30 6 * * *", TimeZoneInfo.Utc, state, DateTimeOffset.Parse("2026-11-26T06:10:00Z"));

        Assert.Null(edited.Due);
        Assert.Equal(DateTimeOffset.Parse("2026-11-26T06:30:00Z"), edited.State.NextDue);
        Assert.Equal(ScheduleEvaluator.KeyOf("30 6 * * *", TimeZoneInfo.Utc), edited.State.ScheduleKey);
    }

    [Fact]
    public void Changing_only_the_time_zone_reschedules_too()
    {
        var state = Evaluate("0 7 * * *", TimeZoneInfo.Utc, null, DateTimeOffset.Parse("2026-11-26T05:00:00Z")).State;

        var moved = Evaluate("0 7 * * *", Berlin, state, DateTimeOffset.Parse("2026-11-26T05:00:01Z"));

        Assert.Equal(DateTimeOffset.Parse("2026-11-26T06:00:00Z"), moved.State.NextDue);
    }

    [Fact]
    public void After_a_restart_a_run_missed_by_less_than_the_grace_runs_once_as_catch_up()
    {
        var before = Evaluate("0 7 * * *", TimeZoneInfo.Utc, null, DateTimeOffset.Parse("2026-11-26T06:00:00Z")).State;

        // Down from 06:30 to 07:40: the 07:00 run is 40 minutes late, inside the 1 h grace.
        var decision = Evaluate("0 7 * * *", TimeZoneInfo.Utc, before, DateTimeOffset.Parse("2026-11-26T07:40:00Z"));

        Assert.Equal(DateTimeOffset.Parse("2026-11-26T07:00:00Z"), decision.Due);
        Assert.True(decision.IsCatchUp);
        Assert.Null(decision.Missed);
        Assert.Equal(DateTimeOffset.Parse("2026-11-27T07:00:00Z"), decision.State.NextDue);
        Assert.Equal(DateTimeOffset.Parse("2026-11-26T07:00:00Z"), decision.State.LastScheduled);
    }

    [Fact]
    public void After_a_restart_runs_older_than_the_grace_are_skipped_and_reported_missed()
    {
        var before = Evaluate("0 7 * * *", TimeZoneInfo.Utc, null, DateTimeOffset.Parse("2026-11-24T06:00:00Z")).State;

        // Down for two days: 24th and 25th 07:00 are long gone, 26th 07:00 is 3 h late.
        var decision = Evaluate("0 7 * * *", TimeZoneInfo.Utc, before, DateTimeOffset.Parse("2026-11-26T10:00:00Z"));

        Assert.Null(decision.Due);
        Assert.Equal(new MissedRuns(DateTimeOffset.Parse("2026-11-24T07:00:00Z"), DateTimeOffset.Parse("2026-11-26T07:00:00Z"), 3), decision.Missed);
        Assert.Equal(DateTimeOffset.Parse("2026-11-27T07:00:00Z"), decision.State.NextDue);
    }

    [Fact]
    public void After_a_restart_the_latest_occurrence_runs_once_and_the_older_ones_are_missed()
    {
        var before = Evaluate("*/5 * * * *", TimeZoneInfo.Utc, null, DateTimeOffset.Parse("2026-11-26T07:58:00Z")).State;

        // Down from 07:58 to 10:02: 08:00 … 10:00 passed; only 10:00 is within the grace and runs, once.
        var decision = Evaluate("*/5 * * * *", TimeZoneInfo.Utc, before, DateTimeOffset.Parse("2026-11-26T10:02:00Z"));

        Assert.Equal(DateTimeOffset.Parse("2026-11-26T10:00:00Z"), decision.Due);
        Assert.True(decision.IsCatchUp); // two minutes late: beyond the on-time tolerance of a 1 s tick
        Assert.Equal(new MissedRuns(DateTimeOffset.Parse("2026-11-26T08:00:00Z"), DateTimeOffset.Parse("2026-11-26T09:55:00Z"), 24), decision.Missed);
        Assert.Equal(DateTimeOffset.Parse("2026-11-26T10:05:00Z"), decision.State.NextDue);
    }

    [Fact]
    public void A_due_time_is_never_run_twice()
    {
        var state = Evaluate("0 7 * * *", TimeZoneInfo.Utc, null, DateTimeOffset.Parse("2026-11-26T06:00:00Z")).State;
        var first = Evaluate("0 7 * * *", TimeZoneInfo.Utc, state, DateTimeOffset.Parse("2026-11-26T07:00:00Z"));

        var again = Evaluate("0 7 * * *", TimeZoneInfo.Utc, first.State, DateTimeOffset.Parse("2026-11-26T07:00:01Z"));

        Assert.NotNull(first.Due);
        Assert.Null(again.Due);
    }
}
