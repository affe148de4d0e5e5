using System.Text.Json;

namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>
/// Writes a part the way InvenTree's PartSerializer does at the emulated API version: <c>scheduled_to_build</c>
/// only from 348 (and <c>building</c> changes meaning there), <c>unallocated_stock</c> clamped only from 359,
/// quantities as numbers, the two "required" figures as integers.
/// </summary>
internal static class PartJsonWriter
{
    public const int ScheduledToBuildSince = 348;
    public const int UnallocatedClampedSince = 359;

    public static void Write(Utf8JsonWriter w, FixturePart part, PartFigures figures, int apiVersion)
    {
        w.WriteStartObject();
        w.WriteNumber("pk", part.Pk);
        w.WriteString("name", part.Name);
        w.WriteString("IPN", part.Ipn);
        w.WriteString("revision", part.Revision);
        w.WriteString("full_name", part.FullName);
        w.WriteString("description", part.Description ?? "");
        w.WriteBoolean("active", part.Active);
        w.WriteBoolean("assembly", part.Assembly);
        w.WriteBoolean("purchaseable", part.Purchaseable);
        w.WriteBoolean("component", part.Component);
        w.WriteBoolean("virtual", part.Virtual);
        w.WriteBoolean("is_template", part.IsTemplate);
        if (part.VariantOf is { } parent)
        {
            w.WriteNumber("variant_of", parent);
        }
        else
        {
            w.WriteNull("variant_of");
        }
        w.WriteString("units", part.Units);
        Quantity(w, "minimum_stock", part.MinimumStock);
        Quantity(w, "in_stock", figures.InStock);
        Quantity(w, "variant_stock", figures.VariantStock);
        Quantity(w, "total_in_stock", figures.TotalInStock);
        Quantity(w, "unallocated_stock", figures.UnallocatedStock(clamp: apiVersion >= UnallocatedClampedSince));
        Quantity(w, "ordering", figures.Ordering);
        if (apiVersion >= ScheduledToBuildSince)
        {
            Quantity(w, "building", figures.BuildingStock);
            Quantity(w, "scheduled_to_build", figures.ScheduledToBuild);
        }
        else
        {
            Quantity(w, "building", figures.BuildingOrdered);
        }
        Quantity(w, "allocated_to_build_orders", figures.AllocatedToBuildOrders);
        Quantity(w, "allocated_to_sales_orders", figures.AllocatedToSalesOrders);
        w.WriteNumber("required_for_build_orders", (long)decimal.Truncate(figures.RequiredForBuildOrders));
        w.WriteNumber("required_for_sales_orders", (long)decimal.Truncate(figures.RequiredForSalesOrders));
        w.WriteEndObject();
    }

    private static void Quantity(Utf8JsonWriter w, string name, decimal value) =>
        w.WriteNumber(name, FixtureFields.Normalize(value));
}
