using MonitorDashboard.Calculation;
using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Tests.Calculation;

/// <summary>Builds <see cref="BomData"/> by hand, the way the InvenTree client would deliver it.</summary>
internal sealed class BomDataBuilder
{
    private readonly Dictionary<int, InvenTreePart> _parts = [];
    private readonly Dictionary<int, List<InvenTreeBomItem>> _boms = [];
    private readonly List<(PartRequest Request, int[] Matches)> _requests = [];
    private readonly HashSet<int> _excludedBySupplier = [];
    private readonly List<InvenTreeStockItem> _buildingStock = [];
    private readonly List<InvenTreeBuild> _builds = [];
    private int _nextLinePk = 1000;
    private int _nextSubstitutePk = 5000;

    /// <param name="rbo">required_for_build_orders</param>
    /// <param name="rso">required_for_sales_orders</param>
    /// <param name="scheduled">scheduled_to_build (in production)</param>
    public BomDataBuilder Part(
        int pk,
        string name,
        decimal stock = 0,
        bool assembly = false,
        bool purchaseable = false,
        decimal rbo = 0,
        decimal rso = 0,
        decimal ordering = 0,
        decimal? scheduled = null,
        decimal minimum = 0,
        string? revision = null,
        string? ipn = null,
        int? variantOf = null,
        decimal building = 0)
    {
        _parts[pk] = new InvenTreePart
        {
            Pk = pk,
            Name = name,
            Ipn = ipn,
            Revision = revision,
            Assembly = assembly,
            Purchaseable = purchaseable,
            VariantOf = variantOf,
            MinimumStock = minimum,
            InStock = stock,
            TotalInStock = stock,
            Ordering = ordering,
            ScheduledToBuild = scheduled,
            Building = building,
            RequiredForBuildOrders = rbo,
            RequiredForSalesOrders = rso,
        };
        return this;
    }

    /// <summary>An assembly (not purchaseable unless asked).</summary>
    public BomDataBuilder Assembly(int pk, string name, decimal stock = 0, decimal? scheduled = null,
        bool purchaseable = false, decimal minimum = 0, string? revision = null, int? variantOf = null, decimal building = 0) =>
        Part(pk, name, stock, assembly: true, purchaseable: purchaseable, scheduled: scheduled,
            minimum: minimum, revision: revision, variantOf: variantOf, building: building);

    /// <summary>A stock item with <c>is_building=true</c> (as the legacy rule fetches them).</summary>
    public BomDataBuilder BuildingStock(int part, decimal quantity)
    {
        _buildingStock.Add(new InvenTreeStockItem { Pk = 9000 + _buildingStock.Count, Part = part, Quantity = quantity, IsBuilding = true });
        return this;
    }

    /// <summary>An active (or any) build order, as the legacy rule fetches them.</summary>
    public BomDataBuilder BuildOrder(int part, decimal quantity, decimal completed, int status)
    {
        _builds.Add(new InvenTreeBuild { Pk = 8000 + _builds.Count, Part = part, Quantity = quantity, Completed = completed, Status = status });
        return this;
    }

    /// <summary>A purchaseable component.</summary>
    public BomDataBuilder Bought(int pk, string name, decimal stock = 0, decimal rbo = 0, decimal rso = 0,
        decimal ordering = 0, decimal minimum = 0) =>
        Part(pk, name, stock, purchaseable: true, rbo: rbo, rso: rso, ordering: ordering, minimum: minimum);

    /// <param name="definedOn">The assembly the line is defined on (a template for inherited lines); default: parent.</param>
    /// <param name="attrition">API 371+ (percent); null, like the other two, as from a server that does not send it.</param>
    public BomDataBuilder Line(int parent, int child, decimal qty, bool optional = false, bool consumable = false,
        int[]? substitutes = null, int? definedOn = null,
        decimal? attrition = null, decimal? setup = null, decimal? roundingMultiple = null)
    {
        var linePk = _nextLinePk++;
        var line = new InvenTreeBomItem
        {
            Pk = linePk,
            Part = definedOn ?? parent,
            SubPart = child,
            Quantity = qty,
            Optional = optional,
            Consumable = consumable,
            Inherited = definedOn is not null,
            Attrition = attrition,
            SetupQuantity = setup,
            RoundingMultiple = roundingMultiple,
            Substitutes = substitutes?
                .Select(pk => new InvenTreeBomSubstitute { Pk = _nextSubstitutePk++, BomItem = linePk, Part = pk })
                .ToArray(),
        };
        EnsureBom(parent).Add(line);
        return this;
    }

    /// <summary>Registers an empty BOM list for an assembly (as opposed to no entry at all).</summary>
    public BomDataBuilder EmptyBom(int assembly)
    {
        EnsureBom(assembly);
        return this;
    }

    /// <summary>A request by pk that resolved to that part.</summary>
    public BomDataBuilder Request(int pk, decimal qty)
    {
        _requests.Add((new PartRequest(null, null, pk, qty), [pk]));
        return this;
    }

    /// <summary>A request by name that matched the given parts (none = unknown, several = ambiguous).</summary>
    public BomDataBuilder RequestByName(string name, decimal qty, int[] matches, string? revision = null)
    {
        _requests.Add((new PartRequest(name, revision, null, qty), matches));
        return this;
    }

    public BomDataBuilder ExcludedBySupplier(params int[] pks)
    {
        _excludedBySupplier.UnionWith(pks);
        return this;
    }

    /// <summary>Drops a part from <see cref="BomData.Parts"/> while lines may still point at it.</summary>
    public BomDataBuilder Forget(int pk)
    {
        _parts.Remove(pk);
        return this;
    }

    public BomData Build() => new()
    {
        TopLevel = _requests
            .Select(r => new ResolvedRequest(r.Request, r.Matches.Select(pk => _parts[pk]).ToArray()))
            .ToArray(),
        Parts = new Dictionary<int, InvenTreePart>(_parts),
        Boms = _boms.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<InvenTreeBomItem>)pair.Value.ToArray()),
        ExcludedBySupplier = new HashSet<int>(_excludedBySupplier),
        BuildingStock = [.. _buildingStock],
        ActiveBuilds = [.. _builds],
    };

    public CalculationResult Calculate(CalculationOptions? options = null) =>
        new ShortageCalculator().Calculate(Build(), options ?? CalculationOptions.Default);

    private List<InvenTreeBomItem> EnsureBom(int assembly)
    {
        if (!_boms.TryGetValue(assembly, out var lines))
        {
            _boms[assembly] = lines = [];
        }

        return lines;
    }
}
