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
        Figures = FigureCalculator.Compute(data, Tree);
    }

    public FixtureData Data { get; }
    public IReadOnlyDictionary<int, FixturePart> PartsByPk { get; }
    public IReadOnlyDictionary<int, FixtureCompany> CompaniesByPk { get; }
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
