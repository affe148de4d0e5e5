using System.Globalization;

namespace MonitorDashboard.Components.Shared;

/// <summary>
/// Where a trend's values go in a small SVG: one polyline per run of consecutive values (a run without a result breaks
/// the line, it is not drawn as 0), a dot for a value standing alone, the y axis from 0 to the largest value shown.
/// </summary>
public sealed class SparklineGeometry(int width, int height, IReadOnlyList<IReadOnlyList<double?>> series, double padding = 3)
{
    private readonly double _max = Math.Max(1, series.SelectMany(s => s).Where(v => v.HasValue).Select(v => v!.Value).DefaultIfEmpty(0).Max());
    private readonly int _count = series.Count == 0 ? 0 : series.Max(s => s.Count);

    public double X(int index) => _count <= 1 ? width / 2.0 : padding + index * (width - 2 * padding) / (_count - 1);

    public double Y(double value) => height - padding - value / _max * (height - 2 * padding);

    /// <summary>The <c>points</c> attribute of each unbroken stretch of two or more values of a series.</summary>
    public IReadOnlyList<string> Lines(int seriesIndex) =>
        Stretches(seriesIndex).Where(s => s.Count > 1)
            .Select(s => string.Join(' ', s.Select(i => $"{Format(X(i))},{Format(Y(series[seriesIndex][i]!.Value))}")))
            .ToArray();

    /// <summary>Values with no neighbour to join (between two gaps, or the only one): drawn as dots.</summary>
    public IReadOnlyList<(double X, double Y)> Dots(int seriesIndex) =>
        Stretches(seriesIndex).Where(s => s.Count == 1)
            .Select(s => (X(s[0]), Y(series[seriesIndex][s[0]]!.Value)))
            .ToArray();

    public static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private List<List<int>> Stretches(int seriesIndex)
    {
        var stretches = new List<List<int>>();
        List<int>? current = null;
        var values = series[seriesIndex];
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null)
            {
                current = null;
                continue;
            }
            if (current is null)
            {
                current = [];
                stretches.Add(current);
            }
            current.Add(i);
        }
        return stretches;
    }
}
