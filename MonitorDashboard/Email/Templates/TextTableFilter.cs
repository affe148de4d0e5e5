using Fluid;
using Fluid.Values;
using MonitorDashboard.Text;

namespace MonitorDashboard.Email.Templates;

/// <summary>
/// The <c>text_table</c> Liquid filter: aligned columns for the plain-text part, which Liquid alone cannot pad.
/// <code>{{ report.parts_to_order | text_table: "display_name:Part:40", "to_order:To order:r" }}</code>
/// Each column is <c>"member:Header"</c>, optionally <c>":r"</c> (right-aligned), <c>":40"</c> (cut at 40 characters) or <c>":r12"</c>.
/// </summary>
internal static class TextTableFilter
{
    public const string Name = "text_table";

    public static async ValueTask<FluidValue> ApplyAsync(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var columns = arguments.Values.Select(v => Column.Parse(v.ToStringValue())).ToList();
        if (columns.Count == 0)
        {
            throw new FluidException($"{Name} needs at least one column, e.g. \"name:Part\"");
        }
        var table = new TextTable(columns.Select(c => c.Header).ToArray());
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Right)
            {
                table.AlignRight(i);
            }
            if (columns[i].MaxWidth is { } width)
            {
                table.MaxWidth(i, width);
            }
        }
        foreach (var row in input.Enumerate(context))
        {
            var cells = new string[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                var value = await row.GetValueAsync(columns[i].Member, context);
                // View-model values are never null, so nil means a misspelt member: fail like an undefined variable.
                if (value.IsNil())
                {
                    throw new FluidException($"{Name}: the rows have no member '{columns[i].Member}'");
                }
                cells[i] = value.ToStringValue();
            }
            table.Add(cells);
        }
        // Without its last line break, so a template places the table like any other value.
        return new StringValue(table.ToString().TrimEnd('\n', '\r'));
    }

    private sealed record Column(string Member, string Header, bool Right, int? MaxWidth)
    {
        public static Column Parse(string spec)
        {
            var parts = spec.Split(':');
            if (parts.Length is < 2 or > 3 || parts[0].Length == 0)
            {
                throw new FluidException($"{Name}: column \"{spec}\" is not \"member:Header\" or \"member:Header:r40\"");
            }
            var flags = parts.Length == 3 ? parts[2].Trim() : "";
            var right = flags.StartsWith('r');
            var digits = right ? flags[1..] : flags;
            int? width = null;
            if (digits.Length > 0)
            {
                if (!int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var w) || w < 2)
                {
                    throw new FluidException($"{Name}: column \"{spec}\" has a bad width \"{digits}\"");
                }
                width = w;
            }
            return new Column(parts[0].Trim(), parts[1], right, width);
        }
    }
}
