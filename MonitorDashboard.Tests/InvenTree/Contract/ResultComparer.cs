using System.Text.Json;
using MonitorDashboard.Calculation;

namespace MonitorDashboard.Tests.InvenTree.Contract;

/// <summary>
/// Two calculation results field by field (rows, numbers, warnings), numbers by value (50.0 = 50): one line per
/// difference, each naming where it is, e.g. <c>SubassembliesToBuild[2].ToBuild: 45 vs 40</c>.
/// </summary>
public static class ResultComparer
{
    public static IReadOnlyList<string> Compare(CalculationResult left, CalculationResult right)
    {
        var differences = new List<string>();
        Walk("", JsonSerializer.SerializeToElement(left), JsonSerializer.SerializeToElement(right), differences);
        return differences;
    }

    private static void Walk(string path, JsonElement left, JsonElement right, List<string> differences)
    {
        if (left.ValueKind != right.ValueKind)
        {
            differences.Add($"{path}: {left.GetRawText()} vs {right.GetRawText()}");
            return;
        }
        switch (left.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in left.EnumerateObject())
                {
                    Walk(Join(path, property.Name), property.Value, right.GetProperty(property.Name), differences);
                }
                break;
            case JsonValueKind.Array:
                var (l, r) = (left.EnumerateArray().ToList(), right.EnumerateArray().ToList());
                if (l.Count != r.Count)
                {
                    differences.Add($"{path}: {l.Count} items vs {r.Count}: {Brief(left)} vs {Brief(right)}");
                    return;
                }
                for (var i = 0; i < l.Count; i++)
                {
                    Walk($"{path}[{i}]", l[i], r[i], differences);
                }
                break;
            case JsonValueKind.Number when left.GetDecimal() != right.GetDecimal():
            case JsonValueKind.String when left.GetString() != right.GetString():
                differences.Add($"{path}: {left.GetRawText()} vs {right.GetRawText()}");
                break;
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Brief(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
