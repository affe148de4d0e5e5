namespace MonitorDashboard.Calculation;

/// <summary>One requested top-level part: by pk, or by name with an optional revision.</summary>
public sealed record PartRequest(string? Name, string? Revision, int? Pk, decimal Quantity)
{
    /// <summary>How the request reads in tables and messages ("Widget Assembly@B", "#1525").</summary>
    public string Label => Pk is { } pk ? $"#{pk}" : Revision is { Length: > 0 } rev ? $"{Name}@{rev}" : Name ?? "";
}

public sealed record CalculationOptions
{
    public bool ExcludeOptional { get; init; }
    public bool CountOnOrder { get; init; }
    public bool HideConsumables { get; init; }
    /// <summary>Leave parts flagged optional out of the tables (a display filter: numbers stay as they are).</summary>
    public bool HideOptional { get; init; }
    public InProductionRule InProduction { get; init; } = InProductionRule.Scheduled;
    /// <summary>Order parts back up to their minimum stock besides the demand (<see cref="ReplenishmentRule"/>); numbers change.</summary>
    public bool ReplenishToMinimum { get; init; }
    public IReadOnlyList<string> ExcludeSuppliers { get; init; } = [];

    public static CalculationOptions Default { get; } = new();
}

public sealed record SubstituteInfo(int Pk, string Name, decimal Available);

/// <summary>A purchaseable part that must be ordered.</summary>
/// <param name="ToOrder">Everything to order: <see cref="ForDemand"/> + <see cref="Replenishment"/>.</param>
/// <param name="Replenishment">What is ordered only to bring the part back to <paramref name="MinimumStock"/> (0 unless
/// "replenish to minimum stock" is on; results stored before the option read as 0).</param>
public sealed record OrderRow(
    int Pk,
    string Name,
    string? Ipn,
    string? Revision,
    bool Optional,
    bool Consumable,
    decimal Needed,
    decimal TotalInStock,
    decimal RequiredForBuildOrders,
    decimal RequiredForSalesOrders,
    decimal Available,
    decimal OnOrder,
    decimal ToOrder,
    IReadOnlyList<string> BelongsTo,
    IReadOnlyList<SubstituteInfo> Substitutes,
    decimal Replenishment = 0m,
    decimal MinimumStock = 0m)
{
    /// <summary>What the demand needs (the whole order when nothing is replenished).</summary>
    public decimal ForDemand => ToOrder - Replenishment;
}

/// <summary>An assembly that must be built (or is being built).</summary>
public sealed record BuildRow(
    int Pk,
    string Name,
    string? Ipn,
    string? Revision,
    bool Optional,
    bool Consumable,
    decimal Needed,
    decimal TotalInStock,
    decimal RequiredForBuildOrders,
    decimal RequiredForSalesOrders,
    decimal Available,
    decimal InProduction,
    decimal ToBuild,
    IReadOnlyList<string> BelongsTo);

/// <summary>A part below its minimum stock (InvenTree's "low stock" rule).</summary>
public sealed record CriticalPart(int Pk, string Name, string? Ipn, decimal TotalInStock, decimal Available, decimal MinimumStock);

/// <summary>A requested part that matched no part (Matches = 0) or several (Matches &gt; 1).</summary>
public sealed record NotFoundPart(string Name, string? Revision, int Matches);

public sealed record CalculationResult(
    IReadOnlyList<OrderRow> PartsToOrder,
    IReadOnlyList<BuildRow> SubassembliesToBuild,
    IReadOnlyList<CriticalPart> Critical,
    IReadOnlyList<NotFoundPart> NotFound,
    IReadOnlyList<string> Warnings)
{
    public static CalculationResult Empty { get; } = new([], [], [], [], []);

    /// <summary>Whether any line orders more than the demand to refill minimum stock: only then do tables split the lines.</summary>
    public bool Replenishes => PartsToOrder.Any(o => o.Replenishment > 0);
}
