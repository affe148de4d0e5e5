using System.Text.Json;

namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>Reads a Django <c>dumpdata</c> list (<c>[{model, pk, fields}]</c>); models not needed are ignored.</summary>
internal static class FixtureLoader
{
    public static FixtureData Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true });
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("An InvenTree fixture must be a JSON list of {model, pk, fields} records.");
        }
        var records = new Records();
        foreach (var element in document.RootElement.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object
                || !element.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String
                || !element.TryGetProperty("pk", out var pkElement) || !pkElement.TryGetInt32(out var pk))
            {
                continue;
            }
            var fields = new FixtureFields(element.TryGetProperty("fields", out var f) ? f : default);
            records.Add(model.GetString()!, pk, fields);
        }
        return records.ToData();
    }

    private sealed class Records
    {
        private readonly List<FixturePart> parts = [];
        private readonly List<FixtureBomItem> bomItems = [];
        private readonly List<FixtureBomSubstitute> substitutes = [];
        private readonly Dictionary<int, FixtureStockItem> stock = [];
        private readonly List<FixtureBuild> builds = [];
        private readonly List<FixtureBuildLine> buildLines = [];
        private readonly List<FixtureBuildItem> buildItems = [];
        private readonly List<FixtureOrder> purchaseOrders = [];
        private readonly List<FixturePurchaseLine> purchaseLines = [];
        private readonly List<FixtureOrder> salesOrders = [];
        private readonly List<FixtureSalesLine> salesLines = [];
        private readonly List<FixtureSalesAllocation> allocations = [];
        private readonly List<FixtureShipment> shipments = [];
        private readonly List<FixtureCompany> companies = [];
        private readonly List<FixtureSupplierPart> supplierParts = [];

        public void Add(string model, int pk, FixtureFields f)
        {
            switch (model.ToLowerInvariant())
            {
                case "part.part":
                    parts.Add(new FixturePart(pk, f.String("name") ?? "", f.String("IPN"), f.String("revision"), f.String("units") ?? "",
                        f.Bool("active", true), f.Bool("assembly"), f.Bool("purchaseable"), f.Bool("component"), f.Bool("virtual"),
                        f.Bool("is_template"), f.NullableInt("variant_of"), f.Decimal("minimum_stock"), f.String("description")));
                    break;
                case "part.bomitem":
                    bomItems.Add(new FixtureBomItem(pk, f.Int("part"), f.Int("sub_part"), f.Decimal("quantity", 1),
                        f.Bool("optional"), f.Bool("consumable"), f.Bool("inherited"), f.Bool("allow_variants"), f.String("reference") ?? "",
                        f.Decimal("attrition"), f.Decimal("setup_quantity"), f.NullableDecimal("rounding_multiple")));
                    break;
                case "part.bomitemsubstitute":
                    substitutes.Add(new FixtureBomSubstitute(pk, f.Int("bom_item"), f.Int("part")));
                    break;
                case "stock.stockitem":
                    stock[pk] = new FixtureStockItem(pk, f.Int("part"), f.Decimal("quantity"), f.Int("status", 10),
                        f.NullableInt("sales_order"), f.NullableInt("belongs_to"), f.NullableInt("customer"), f.NullableInt("consumed_by"),
                        f.Bool("is_building"), f.NullableInt("build"));
                    break;
                case "build.build":
                    builds.Add(new FixtureBuild(pk, f.Int("part"), f.Decimal("quantity"), f.Decimal("completed"), f.Int("status", 10)));
                    break;
                case "build.buildline":
                    buildLines.Add(new FixtureBuildLine(pk, f.Int("build"), f.Int("bom_item"), f.Decimal("quantity")));
                    break;
                case "build.builditem":
                    buildItems.Add(new FixtureBuildItem(pk, f.Int("build_line"), f.Int("stock_item"), f.Decimal("quantity")));
                    break;
                case "order.purchaseorder":
                    purchaseOrders.Add(new FixtureOrder(pk, f.Int("status", 10)));
                    break;
                case "order.purchaseorderlineitem":
                    purchaseLines.Add(new FixturePurchaseLine(pk, f.Int("order"), f.NullableInt("part"), f.Decimal("quantity"), f.Decimal("received")));
                    break;
                case "order.salesorder":
                    salesOrders.Add(new FixtureOrder(pk, f.Int("status", 10)));
                    break;
                case "order.salesorderlineitem":
                    salesLines.Add(new FixtureSalesLine(pk, f.Int("order"), f.NullableInt("part"), f.Decimal("quantity"), f.Decimal("shipped")));
                    break;
                case "order.salesorderallocation":
                    allocations.Add(new FixtureSalesAllocation(pk, f.Int("line"), f.Int("item"), f.NullableInt("shipment"), f.Decimal("quantity")));
                    break;
                case "order.salesordershipment":
                    shipments.Add(new FixtureShipment(pk, f.Int("order"), f.String("shipment_date") is not null));
                    break;
                case "company.company":
                    companies.Add(new FixtureCompany(pk, f.String("name") ?? "", f.Bool("is_supplier")));
                    break;
                case "company.supplierpart":
                    // pack_quantity_native is the pack size in the part's own units (InvenTree ≥ 0.12); 1 when absent.
                    var pack = f.Decimal("pack_quantity_native", 1);
                    supplierParts.Add(new FixtureSupplierPart(pk, f.Int("part"), f.Int("supplier"), f.String("SKU") ?? "", pack > 0 ? pack : 1));
                    break;
            }
        }

        public FixtureData ToData() => new()
        {
            Parts = [.. parts.OrderBy(p => p.Pk)],
            BomItems = [.. bomItems.OrderBy(b => b.Pk)],
            BomSubstitutes = [.. substitutes.OrderBy(s => s.Pk)],
            StockItems = stock,
            Builds = [.. builds.OrderBy(b => b.Pk)],
            BuildLines = buildLines,
            BuildItems = buildItems,
            PurchaseOrders = purchaseOrders,
            PurchaseLines = purchaseLines,
            SalesOrders = salesOrders,
            SalesLines = salesLines,
            SalesAllocations = allocations,
            Shipments = shipments,
            Companies = [.. companies.OrderBy(c => c.Pk)],
            SupplierParts = [.. supplierParts.OrderBy(s => s.Pk)],
        };
    }
}
