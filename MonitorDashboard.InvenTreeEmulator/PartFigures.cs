namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>
/// The raw stock figures of one part (inventree.md §2), before the API version picks which of them are served
/// and how (<see cref="PartJsonWriter"/>).
/// </summary>
internal sealed record PartFigures
{
    public static readonly PartFigures Zero = new();

    public decimal InStock { get; init; }
    public decimal VariantStock { get; init; }
    public decimal TotalInStock => InStock + VariantStock;
    public decimal AllocatedToBuildOrders { get; init; }
    public decimal AllocatedToSalesOrders { get; init; }
    public decimal Ordering { get; init; }
    public decimal RequiredForBuildOrders { get; init; }
    public decimal RequiredForSalesOrders { get; init; }
    /// <summary>API ≥ 348: quantity of the part's is_building stock items of active builds.</summary>
    public decimal BuildingStock { get; init; }
    /// <summary>API &lt; 348: Σ quantity of the part's active builds.</summary>
    public decimal BuildingOrdered { get; init; }
    public decimal ScheduledToBuild { get; init; }

    public decimal UnallocatedStock(bool clamp)
    {
        var unallocated = TotalInStock - AllocatedToBuildOrders - AllocatedToSalesOrders;
        return clamp ? Math.Max(0, unallocated) : unallocated;
    }
}
