using static MonitorDashboard.Cron.CronText;

namespace MonitorDashboard.Cron;

public static partial class CronDescriber
{
    private const int MaxListedTimes = 6;

    /// <summary>The time-of-day part; <paramref name="fixedTimes"/> when it is a short list of clock times.</summary>
    private static string DescribeTime(CronFields f, out bool fixedTimes)
    {
        var (s, m, h) = (f.Second, f.Minute, f.Hour);
        fixedTimes = !s.IsAll && !m.IsAll && !h.IsAll && s.Values.Count == 1 && m.Values.Count * h.Values.Count <= MaxListedTimes;
        if (fixedTimes)
        {
            var second = s.Values[0];
            var times = h.Values.SelectMany(hour => m.Values.Select(minute => Clock(hour, minute, second))).ToList();
            return "at " + Join(times);
        }

        var parts = new List<string>();
        var secondsZero = s.Values is [0];
        if (!secondsZero)
        {
            var seconds = Unit(s, 59, "second");
            parts.Add(m.IsAll && seconds.StartsWith("at ", StringComparison.Ordinal) ? seconds + " of every minute" : seconds);
        }
        // "every 10 seconds" already implies every minute.
        if (!(m.IsAll && !secondsZero))
        {
            var minutes = m.IsAll ? "every minute" : Unit(m, 59, "minute");
            if (h.IsAll && !m.IsAll && CronText.Step(m.Values, 59) is null)
            {
                minutes = m.Values is [0] && secondsZero ? "every hour on the hour" : "every hour " + minutes;
            }
            parts.Add(minutes);
        }
        if (!h.IsAll)
        {
            parts.Add(Hours(h));
        }
        return string.Join(", ", parts);
    }

    /// <summary>"every second", "every 5 minutes", "every 15 minutes from minute 5", "at minutes 0 and 30", "at minutes 10 through 20".</summary>
    private static string Unit(CronField field, int max, string unit)
    {
        if (field.IsAll)
        {
            return "every " + unit;
        }
        var values = field.Values;
        if (CronText.Step(values, max) is { } step)
        {
            return values[0] == 0 ? $"every {Number(step)} {unit}s" : $"every {Number(step)} {unit}s from {unit} {Number(values[0])}";
        }
        var items = Runs(values).SelectMany(r => r.To - r.From >= 2
            ? [$"{Number(r.From)} through {Number(r.To)}"]
            : Enumerable.Range(r.From, r.To - r.From + 1).Select(Number)).ToList();
        return $"at {(values.Count == 1 ? unit : unit + "s")} {Join(items)}";
    }

    private static string Hours(CronField h)
    {
        var values = h.Values;
        if (CronText.Step(values, 23) is { } step)
        {
            return values[0] == 0 ? $"every {Number(step)} hours" : $"every {Number(step)} hours from {Clock(values[0], 0)}";
        }
        var runs = Runs(values);
        if (runs.Count == 1)
        {
            return $"between {Clock(runs[0].From, 0)} and {Clock(runs[0].To, 59)}";
        }
        return "during " + Join(runs.Select(r => $"{Clock(r.From, 0)}–{Clock(r.To, 59)}").ToList());
    }
}
