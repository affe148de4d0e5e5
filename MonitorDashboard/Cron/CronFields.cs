using Cronos;

namespace MonitorDashboard.Cron;

/// <summary>
/// One field of a Cronos expression in Cronos's own normalised form (<see cref="CronExpression.ToString"/>):
/// <c>*</c>, a sorted list of values, or one special token (L, L-3, LW, 15W, 5L, 1#2).
/// Working from the normalised text means names, <c>?</c>, wrap-around ranges, steps and 7 = Sunday
/// were already resolved by Cronos itself, so descriptions cannot disagree with what Cronos schedules.
/// </summary>
internal sealed record CronField(string Text, IReadOnlyList<int> Values)
{
    public bool IsAll => Text == "*";

    public bool IsSpecial => !IsAll && Values.Count == 0;

    public static CronField Parse(string text)
    {
        if (text == "*")
        {
            return new CronField(text, []);
        }
        var parts = text.Split(',');
        var values = new List<int>(parts.Length);
        foreach (var part in parts)
        {
            if (!int.TryParse(part, out var value))
            {
                return new CronField(text, []);
            }
            values.Add(value);
        }
        values.Sort();
        return new CronField(text, values);
    }
}

/// <summary>The six fields of a parsed expression; Second is "0" for five-field expressions.</summary>
internal sealed record CronFields(CronField Second, CronField Minute, CronField Hour, CronField DayOfMonth, CronField Month, CronField DayOfWeek)
{
    public static CronFields From(CronExpression cron)
    {
        var parts = cron.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Cronos prints the seconds field only when it is not exactly "0".
        var offset = parts.Length == 6 ? 1 : 0;
        return new CronFields(
            CronField.Parse(offset == 1 ? parts[0] : "0"),
            CronField.Parse(parts[offset]),
            CronField.Parse(parts[offset + 1]),
            CronField.Parse(parts[offset + 2]),
            CronField.Parse(parts[offset + 3]),
            CronField.Parse(parts[offset + 4]));
    }

    public string TimeOfDayExpression => $"{Second.Text} {Minute.Text} {Hour.Text} * * *";

    public string DayExpression => $"0 0 {DayOfMonth.Text} {Month.Text} {DayOfWeek.Text}";
}
