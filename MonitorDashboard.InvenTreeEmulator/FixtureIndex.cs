namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>
/// Everything a request needs, precomputed from one <see cref="FixtureData"/> state: lookups, the variant tree,
/// BOM lines per assembly and every part's figures. Immutable; rebuilt after a mutation.
/// </summary>
internal sealed class FixtureIndex
{
    private readonly Dictionary<int, List<FixtureBomItem>> _bomByPart;
    private readonly ILookup<int, FixtureBomSubstitute> _substitutesByBomItem;

    public FixtureIndex(FixtureData data)
    {
        Data = data;
        PartsByPk = data.Parts.ToDictionary(p => p.Pk);
        Tree = new VariantTree(data.Parts);
        _bomByPart = data.BomItems.GroupBy(b => b.Part).ToDictionary(g => g.Key, g => g.ToList());
        _substitutesByBomItem = data.BomSubstitutes.ToLookup(s => s.BomItem);
        CompaniesByPk = data.Companies.ToDictionary(c => c.Pk);
        SupplierPartsByPk = data.SupplierParts.ToDictionary(s => s.Pk);
        PurchaseOrdersByPk = data.PurchaseOrders.ToDictionary(o => o.Pk);
        SupplierPartStock = data.StockItems.Values
            .Where(i => i.SupplierPart is not null && InvenTreeStatus.IsInStock(i))
            .GroupBy(i => i.SupplierPart!.Value)
            .ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity));
        SupplierPartOnOrder = data.PurchaseLines
            .Where(l => l.SupplierPart is not null && l.Quantity > l.Received
                        && PurchaseOrdersByPk.TryGetValue(l.Order, out var o) && InvenTreeStatus.IsPurchaseOrderOpen(o.Status))
            .GroupBy(l => l.SupplierPart!.Value)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity - l.Received));
        Figures = FigureCalculator.Compute(data, Tree);
    }

    public FixtureData Data { get; }
    public IReadOnlyDictionary<int, FixturePart> PartsByPk { get; }
    public IReadOnlyDictionary<int, FixtureCompany> CompaniesByPk { get; }
    public IReadOnlyDictionary<int, FixtureSupplierPart> SupplierPartsByPk { get; }
    public IReadOnlyDictionary<int, FixturePurchaseOrder> PurchaseOrdersByPk { get; }

    /// <summary>A supplier part's <c>in_stock</c>: the in-stock items bought as it.</summary>
    public IReadOnlyDictionary<int, decimal> SupplierPartStock { get; }

    /// <summary>A supplier part's <c>on_order</c>: outstanding quantity (in packs) on open purchase orders.</summary>
    public IReadOnlyDictionary<int, decimal> SupplierPartOnOrder { get; }
    public VariantTree Tree { get; }
    public IReadOnlyDictionary<int, PartFigures> Figures { get; }

    public PartFigures FiguresOf(int pk) => Figures.GetValueOrDefault(pk) ?? PartFigures.Zero;

    public IEnumerable<FixtureBomSubstitute> SubstitutesOf(int bomItem) => _substitutesByBomItem[bomItem];

    /// <summary><c>Q(part=P) | Q(part__in=ancestors(P), inherited=True)</c>, ordered by pk.</summary>
    public IReadOnlyList<FixtureBomItem> BomFor(int pk)
    {
        var lines = new List<FixtureBomItem>(_bomByPart.GetValueOrDefault(pk) ?? []);
        foreach (var ancestor in Tree.Ancestors(pk))
        {
            lines.AddRange((_bomByPart.GetValueOrDefault(ancestor) ?? []).Where(b => b.Inherited));
        }
        lines.Sort((a, b) => a.Pk.CompareTo(b.Pk));
        return lines;
    }

    /// <summary>
    /// The parts usable in P's BOM: each line's sub_part, its variants when the line allows them, and the
    /// line's substitutes.
    /// </summary>
    public IReadOnlySet<int> PartsInBomFor(int pk)
    {
        var result = new HashSet<int>();
        foreach (var line in BomFor(pk))
        {
            result.Add(line.SubPart);
            if (line.AllowVariants)
            {
                result.UnionWith(Tree.Descendants(line.SubPart));
            }
            result.UnionWith(SubstitutesOf(line.Pk).Select(s => s.Part));
        }
        return result;
    }
}
