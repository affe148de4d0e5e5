using System.Text;

namespace MonitorDashboard.Text;

/// <summary>A plain-text table with aligned columns; numeric columns are right-aligned.</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private readonly bool[] _rightAligned = new bool[headers.Length];
    private readonly int?[] _maxWidths = new int?[headers.Length];

    public TextTable AlignRight(params int[] columns)
    {
        foreach (var c in columns)
        {
            _rightAligned[c] = true;
        }
        return this;
    }

    /// <summary>Cuts longer cells of a column with "…" so one long name cannot push a table past a terminal's width.</summary>
    public TextTable MaxWidth(int column, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        _maxWidths[column] = width;
        return this;
    }

    public TextTable Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"Expected {headers.Length} cells, got {cells.Length}.", nameof(cells));
        }
        // A name with a line break would tear the table apart.
        _rows.Add(cells.Select((c, i) => Fit(c.ReplaceLineEndings(" "), _maxWidths[i])).ToArray());
        return this;
    }

    public int Count => _rows.Count;

    public override string ToString()
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        var sb = new StringBuilder();
        AppendRow(sb, headers, widths);
        sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))).TrimEnd());
        foreach (var row in _rows)
        {
            AppendRow(sb, row, widths);
        }
        return sb.ToString();
    }

    private static string Fit(string cell, int? maxWidth) =>
        maxWidth is { } max && cell.Length > max ? cell[..(max - 1)] + "…" : cell;

    private void AppendRow(StringBuilder sb, string[] cells, int[] widths)
    {
        var line = string.Join("  ", cells.Select((c, i) => _rightAligned[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i])));
        sb.AppendLine(line.TrimEnd());
    }
}
