using System.Globalization;
using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Calculation;

/// <summary>The figures of inventree.md §3 derived from one part's API fields.</summary>
internal static class PartExtensions
{
    /// <summary>Stock not yet promised to build or sales orders; negative when those orders exceed stock.</summary>
    public static decimal Available(this InvenTreePart part) =>
        part.TotalInStock - part.RequiredForBuildOrders - part.RequiredForSalesOrders;

    /// <summary>"Name", or "Name@Revision" when the part has a revision.</summary>
    public static string Label(this InvenTreePart part) =>
        part.Revision is { Length: > 0 } revision ? $"{part.Name}@{revision}" : part.Name;

    /// <summary>A quantity as text for warnings: invariant culture, no trailing zeros ("0.25", not "0.25000").</summary>
    public static string Format(this decimal quantity) =>
        quantity.ToString("0.############################", CultureInfo.InvariantCulture);
}
