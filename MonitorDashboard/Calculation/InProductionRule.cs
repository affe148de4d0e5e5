namespace MonitorDashboard.Calculation;

/// <summary>How much of an assembly counts as "in production" (inventree.md §3).</summary>
public enum InProductionRule
{
    /// <summary>InvenTree's <c>scheduled_to_build</c>: what active build orders still have to make (the default).</summary>
    Scheduled,

    /// <summary>The part's <c>building</c> field (the Python tool's <c>new_gui</c>).</summary>
    Building,

    /// <summary>
    /// The Python tool's default (<c>old_gui</c>): every <c>is_building</c> stock item of the part or its variants,
    /// whatever its build's status, plus quantity − completed of its Pending and Production build orders.
    /// </summary>
    Legacy,
}

/// <summary>The rules' names as the CLI, the calculator page and presets.json spell them.</summary>
public static class InProductionRules
{
    public static IReadOnlyList<string> Names { get; } = ["scheduled", "building", "legacy"];

    /// <summary>"scheduled, building or legacy", for messages.</summary>
    public static string Choices => $"{string.Join(", ", Names.Take(Names.Count - 1))} or {Names[^1]}";

    public static string Name(this InProductionRule rule) => rule switch
    {
        InProductionRule.Building => "building",
        InProductionRule.Legacy => "legacy",
        _ => "scheduled",
    };

    /// <summary>Exact, lower-case names only, as written in presets.json and on the command line.</summary>
    public static bool TryParse(string? name, out InProductionRule rule)
    {
        rule = name switch
        {
            "scheduled" => InProductionRule.Scheduled,
            "building" => InProductionRule.Building,
            "legacy" => InProductionRule.Legacy,
            _ => (InProductionRule)(-1),
        };
        return Enum.IsDefined(rule);
    }
}
