using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Calculation;

/// <summary>
/// How many of a BOM line's sub-part building a quantity of its assembly takes: InvenTree's
/// <c>BomItem.get_required_quantity</c> (inventree.md §3), so that our figures equal what InvenTree's own build
/// orders will require. The one home of this rule: nothing else multiplies a line quantity by a build quantity.
/// </summary>
internal static class BomLineRequirement
{
    /// <summary>
    /// 0 when nothing is built (no setup either); else quantity × <paramref name="build"/>, × (1 + attrition/100) when
    /// attrition &gt; 0, + setup quantity when &gt; 0, rounded up to a multiple of the rounding multiple when &gt; 0.
    /// Fields a server does not send (API &lt; 371) count as unset: plain quantity × build.
    /// </summary>
    public static decimal Required(InvenTreeBomItem line, decimal build)
    {
        if (build <= 0)
        {
            return 0m;
        }

        var required = line.Quantity * build;
        if (line.Attrition is { } attrition && attrition > 0)
        {
            required *= 1 + (attrition / 100);
        }

        if (line.SetupQuantity is { } setup && setup > 0)
        {
            required += setup;
        }

        if (line.RoundingMultiple is { } multiple && multiple > 0)
        {
            // Exact in decimal: a quantity already on a multiple divides to a whole number and stays where it is.
            required = Math.Ceiling(required / multiple) * multiple;
        }

        return required;
    }
}
