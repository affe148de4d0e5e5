using System.Globalization;

namespace MonitorDashboard.Cron;

/// <summary>English building blocks for <see cref="CronDescriber"/>.</summary>
internal static class CronText
{
    public static readonly string[] DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    public static readonly string[] MonthNames =
        ["", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    public static string OrdinalWord(int n) => n switch
    {
        1 => "first", 2 => "second", 3 => "third", 4 => "fourth", 5 => "fifth", _ => Ordinal(n),
    };

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Clock(int hour, int minute) => $"{hour:00}:{minute:00}";

    public static string Clock(int hour, int minute, int second) =>
        second == 0 ? Clock(hour, minute) : $"{hour:00}:{minute:00}:{second:00}";

    public static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{Number(n)} {unit}s";

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>Splits sorted values into runs of consecutive values.</summary>
    public static List<(int From, int To)> Runs(IEnumerable<int> sorted)
    {
        var runs = new List<(int From, int To)>();
        foreach (var value in sorted)
        {
            if (runs.Count > 0 && runs[^1].To == value - 1)
            {
                runs[^1] = (runs[^1].From, value);
            }
            else
            {
                runs.Add((value, value));
            }
        }
        return runs;
    }

    /// <summary>
    /// The step when the values are an arithmetic progression of at least three values that a "*/n" or
    /// "a/n" would produce, i.e. it runs on to the last value the field allows.
    /// </summary>
    public static int? Step(IReadOnlyList<int> values, int fieldMax)
    {
        if (values.Count < 3)
        {
            return null;
        }
        var step = values[1] - values[0];
        if (step < 2)
        {
            return null;
        }
        for (var i = 2; i < values.Count; i++)
        {
            if (values[i] - values[i - 1] != step)
            {
                return null;
            }
        }
        return values[^1] + step > fieldMax ? step : null;
    }
}
