using System.Globalization;
using System.Text;
using MonitorDashboard.Calculation;

namespace MonitorDashboard.Email.Templates;

/// <summary>Subject lines. Names come from presets.json and InvenTree, so they are cleaned before they reach a header.</summary>
public static class EmailSubjects
{
    public const string Prefix = "[MonitorDashboard]";

    /// <summary><c>[MonitorDashboard] &lt;list&gt;: N to order, M to build[, K critical][ — changed]</c>.</summary>
    public static string Report(string listName, CalculationResult result, bool changed)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Prefix} {Clean(listName)}: {result.PartsToOrder.Count} to order, {ToBuildCount(result)} to build");
        if (result.Critical.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $", {result.Critical.Count} critical");
        }
        if (changed)
        {
            sb.Append(" — changed");
        }
        return sb.ToString();
    }

    public static string Notice(string what, string? about = null) =>
        about is null ? $"{Prefix} {Clean(what)}" : $"{Prefix} {Clean(what)}: {Clean(about)}";

    /// <summary>Assemblies with something left to build; rows kept only because a build is running do not count.</summary>
    public static int ToBuildCount(CalculationResult result) =>
        result.SubassembliesToBuild.Count(b => Math.Round(b.ToBuild, 3, MidpointRounding.AwayFromZero) > 0);

    /// <summary>
    /// Control characters (CR, LF, tab, the C1 range) and Unicode line/paragraph separators become one space, so a
    /// name cannot break the header into two or smuggle in another header; runs of spaces collapse.
    /// </summary>
    public static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var c in text)
        {
            var space = char.IsControl(c) || char.IsWhiteSpace(c) || c is '\u2028' or '\u2029';
            if (space)
            {
                if (!lastWasSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }
                lastWasSpace = true;
                continue;
            }
            sb.Append(c);
            lastWasSpace = false;
        }
        return sb.ToString().TrimEnd();
    }
}
