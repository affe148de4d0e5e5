using System.Globalization;

namespace MonitorDashboard.Calculation;

/// <summary>Display helpers for decimal quantities; the calculation rounds only where InvenTree does (a BOM line's rounding multiple).</summary>
public static class Numbers
{
    /// <summary>Drops trailing zeros of the scale (3.00000 → 3) without changing the value.</summary>
    public static decimal Normalise(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>A quantity for tables: invariant culture, at most 3 decimals, no trailing zeros.</summary>
    public static string Format(decimal value) =>
        Normalise(Math.Round(value, 3, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture);
}
