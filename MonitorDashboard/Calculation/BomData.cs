using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Calculation;

/// <summary>How one top-level request was resolved against InvenTree.</summary>
/// <param name="Matches">Every part whose name (and revision, when given) matched exactly.</param>
public sealed record ResolvedRequest(PartRequest Request, IReadOnlyList<InvenTreePart> Matches)
{
    public InvenTreePart? Part => Matches.Count == 1 ? Matches[0] : null;
}

/// <summary>
/// Everything the calculation needs, fetched from InvenTree: the resolved top-level parts, every part
/// of the BOM tree with its stock figures, and the BOM lines of every assembly in the tree.
/// </summary>
public sealed record BomData
{
    public required IReadOnlyList<ResolvedRequest> TopLevel { get; init; }
    /// <summary>Every part seen, by pk (top-level parts and every part returned by <c>in_bom_for</c>).</summary>
    public required IReadOnlyDictionary<int, InvenTreePart> Parts { get; init; }
    /// <summary>BOM lines by assembly pk (as returned by <c>/api/bom/?part=</c>, inherited lines included).</summary>
    public required IReadOnlyDictionary<int, IReadOnlyList<InvenTreeBomItem>> Boms { get; init; }
    /// <summary>Parts that a supplier named in <see cref="CalculationOptions.ExcludeSuppliers"/> supplies.</summary>
    public IReadOnlySet<int> ExcludedBySupplier { get; init; } = new HashSet<int>();
    /// <summary>Every <c>is_building</c> stock item; fetched only for <see cref="InProductionRule.Legacy"/>.</summary>
    public IReadOnlyList<InvenTreeStockItem> BuildingStock { get; init; } = [];
    /// <summary>Every active build order; fetched only for <see cref="InProductionRule.Legacy"/>.</summary>
    public IReadOnlyList<InvenTreeBuild> ActiveBuilds { get; init; } = [];
    public int ApiVersion { get; init; }
    /// <summary>HTTP requests made to InvenTree to fetch this data (retries included).</summary>
    public int Requests { get; init; }
    /// <summary>Rounds of concurrent requests (1 + BOM depth when every level is fetched at once).</summary>
    public int Rounds { get; init; }
}
