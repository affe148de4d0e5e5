using MonitorDashboard.Calculation;

namespace MonitorDashboard.Components.Shared;

// Sort keys for the columns of ResultTables; numbers stay decimals so they sort by value, not as text.

internal static class OrderSort
{
    public static readonly Func<OrderRow, object> Name = r => r.Name;
    public static readonly Func<OrderRow, object> Ipn = r => r.Ipn ?? "";
    public static readonly Func<OrderRow, object> Needed = r => r.Needed;
    public static readonly Func<OrderRow, object> InStock = r => r.TotalInStock;
    public static readonly Func<OrderRow, object> Available = r => r.Available;
    public static readonly Func<OrderRow, object> OnOrder = r => r.OnOrder;
    public static readonly Func<OrderRow, object> ToOrder = r => r.ToOrder;
}

internal static class BuildSort
{
    public static readonly Func<BuildRow, object> Name = r => r.Name;
    public static readonly Func<BuildRow, object> Ipn = r => r.Ipn ?? "";
    public static readonly Func<BuildRow, object> Needed = r => r.Needed;
    public static readonly Func<BuildRow, object> Available = r => r.Available;
    public static readonly Func<BuildRow, object> InProduction = r => r.InProduction;
    public static readonly Func<BuildRow, object> ToBuild = r => r.ToBuild;
}

internal static class CriticalSort
{
    public static readonly Func<CriticalPart, object> Name = r => r.Name;
    public static readonly Func<CriticalPart, object> Ipn = r => r.Ipn ?? "";
    public static readonly Func<CriticalPart, object> InStock = r => r.TotalInStock;
    public static readonly Func<CriticalPart, object> Available = r => r.Available;
    public static readonly Func<CriticalPart, object> Minimum = r => r.MinimumStock;
}
