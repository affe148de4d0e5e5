using System.Text.RegularExpressions;
using Cronos;
using static MonitorDashboard.Cron.CronText;

namespace MonitorDashboard.Cron;

/// <summary>
/// Plain-English description of a cron expression that follows Cronos semantics. In particular, when both
/// day-of-month and day-of-week are restricted Cronos requires both (AND), so "0 9 1-7 * MON" is described as
/// "At 09:00 on the 1st–7th of the month, only on Mondays" — the first Monday — not "... or on Mondays".
/// </summary>
public static partial class CronDescriber
{
    /// <summary>The description, or null when the expression does not parse (see <see cref="CronSchedule.Parse"/>).</summary>
    public static string? Describe(string? expression) =>
        CronSchedule.Parse(expression) is { Cron: { } cron } ? Describe(cron) : null;

    /// <summary>Describes a parsed expression (macros arrive already expanded by Cronos).</summary>
    public static string Describe(CronExpression cron)
    {
        var fields = CronFields.From(cron);
        var words = new List<string> { DescribeTime(fields, out var fixedTimes) };
        var dom = fields.DayOfMonth;
        var dow = fields.DayOfWeek;
        if (!dom.IsAll)
        {
            words.Add(DayOfMonthPhrase(dom));
        }
        else if (!dow.IsAll)
        {
            words.Add("on " + DayOfWeekPhrase(dow));
        }
        else if (fixedTimes)
        {
            words.Add("every day");
        }
        if (!fields.Month.IsAll)
        {
            words.Add("in " + MonthPhrase(fields.Month));
        }
        var text = string.Join(" ", words);
        if (!dom.IsAll && !dow.IsAll)
        {
            text += dow.IsSpecial
                ? ", only if that day is " + DayOfWeekPhrase(dow)
                : ", only on " + DayOfWeekPhrase(dow);
        }
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string DayOfMonthPhrase(CronField dom)
    {
        if (dom.IsSpecial)
        {
            var match = DayOfMonthSpecial().Match(dom.Text);
            var w = match.Groups["w"].Success;
            if (match.Groups["last"].Success)
            {
                var minus = match.Groups["minus"].Success ? int.Parse(match.Groups["minus"].Value) : 0;
                var lastDay = minus == 0 ? "the last day of the month" : $"the last day of the month minus {Plural(minus, "day")}";
                return w ? (minus == 0 ? "on the last weekday of the month" : "on the weekday nearest " + lastDay) : "on " + lastDay;
            }
            return $"on the weekday nearest the {Ordinal(int.Parse(match.Groups["day"].Value))} of the month";
        }
        var values = dom.Values;
        if (values.Count > 6 && CronText.Step(values, 31) is { } step)
        {
            return $"on every {Ordinal(step)} day of the month, starting on the {Ordinal(values[0])}";
        }
        var items = Runs(values).SelectMany(r => r.To - r.From >= 2
            ? [$"{Ordinal(r.From)}–{Ordinal(r.To)}"]
            : Enumerable.Range(r.From, r.To - r.From + 1).Select(Ordinal)).ToList();
        return $"on the {Join(items)} of the month";
    }

    private static string DayOfWeekPhrase(CronField dow)
    {
        if (dow.IsSpecial)
        {
            var match = DayOfWeekSpecial().Match(dow.Text);
            var day = DayNames[int.Parse(match.Groups["day"].Value) % 7];
            return match.Groups["nth"].Success
                ? $"the {OrdinalWord(int.Parse(match.Groups["nth"].Value))} {day} of the month"
                : $"the last {day} of the month";
        }
        // Monday first, Sunday last: "Monday through Friday", "Saturday through Sunday".
        var mondayFirst = dow.Values.Select(d => d == 0 ? 7 : d).Order();
        var items = Runs(mondayFirst).SelectMany(r => r.To - r.From >= 2
            ? [$"{DayNames[r.From % 7]} through {DayNames[r.To % 7]}"]
            : Enumerable.Range(r.From, r.To - r.From + 1).Select(d => DayNames[d % 7] + "s")).ToList();
        return Join(items);
    }

    private static string MonthPhrase(CronField month)
    {
        var items = Runs(month.Values).SelectMany(r => r.To - r.From >= 2
            ? [$"{MonthNames[r.From]} through {MonthNames[r.To]}"]
            : Enumerable.Range(r.From, r.To - r.From + 1).Select(m => MonthNames[m])).ToList();
        return Join(items);
    }

    [GeneratedRegex(@"^(?:(?<last>L)(?:-(?<minus>\d+))?|(?<day>\d+))(?<w>W)?$")]
    private static partial Regex DayOfMonthSpecial();

    [GeneratedRegex(@"^(?<day>\d)(?:L|#(?<nth>\d))$")]
    private static partial Regex DayOfWeekSpecial();
}
