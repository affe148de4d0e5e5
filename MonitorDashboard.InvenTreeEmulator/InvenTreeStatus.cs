namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>InvenTree's status groups (inventree.md §2); 25 "On Hold" is treated as open at every API version.</summary>
internal static class InvenTreeStatus
{
    private static readonly HashSet<int> StockAvailable = [10, 50, 55, 85];
    private static readonly HashSet<int> BuildActive = [10, 20, 25];
    private static readonly HashSet<int> PurchaseOrderOpen = [10, 20, 25];
    private static readonly HashSet<int> SalesOrderOpen = [10, 15, 25];

    public static bool IsStockAvailable(int status) => StockAvailable.Contains(status);
    public static bool IsBuildActive(int status) => BuildActive.Contains(status);
    public static bool IsPurchaseOrderOpen(int status) => PurchaseOrderOpen.Contains(status);
    public static bool IsSalesOrderOpen(int status) => SalesOrderOpen.Contains(status);

    /// <summary>The "in stock" rule: positive, not sold, not installed, not consumed, not being built, usable status.</summary>
    public static bool IsInStock(FixtureStockItem item) =>
        item.Quantity > 0
        && item.SalesOrder is null && item.BelongsTo is null && item.Customer is null && item.ConsumedBy is null
        && !item.IsBuilding
        && IsStockAvailable(item.Status);
}
