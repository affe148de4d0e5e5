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
        private readonly List<FixturePart> _parts = [];
        private readonly List<FixtureBomItem> _bomItems = [];
        private readonly List<FixtureBomSubstitute> _substitutes = [];
        private readonly Dictionary<int, FixtureStockItem> _stock = [];
        private readonly List<FixtureBuild> _builds = [];
        private readonly List<FixtureBuildLine> _buildLines = [];
        private readonly List<FixtureBuildItem> _buildItems = [];
        private readonly List<FixturePurchaseOrder> _purchaseOrders = [];
        private readonly List<FixturePurchaseLine> _purchaseLines = [];
        private readonly List<FixtureOrder> _salesOrders = [];
        private readonly List<FixtureSalesLine> _salesLines = [];
        private readonly List<FixtureSalesAllocation> _allocations = [];
        private readonly List<FixtureShipment> _shipments = [];
        private readonly List<FixtureCompany> _companies = [];
        private readonly List<FixtureSupplierPart> _supplierParts = [];
        private readonly List<FixturePriceBreak> _priceBreaks = [];

        public void Add(string model, int pk, FixtureFields f)
        {
            switch (model.ToLowerInvariant())
            {
                case "part.part":
                    _parts.Add(new FixturePart(pk, f.String("name") ?? "", f.String("IPN"), f.String("revision"), f.NullableString("units", absent: ""),
                        f.Bool("active", true), f.Bool("assembly"), f.Bool("purchaseable"), f.Bool("component"), f.Bool("virtual"),
                        f.Bool("is_template"), f.NullableInt("variant_of"), f.Decimal("minimum_stock"), f.String("description")));
                    break;
                case "part.bomitem":
                    _bomItems.Add(new FixtureBomItem(pk, f.Int("part"), f.Int("sub_part"), f.Decimal("quantity", 1),
                        f.Bool("optional"), f.Bool("consumable"), f.Bool("inherited"), f.Bool("allow_variants"), f.String("reference") ?? "",
                        f.Decimal("attrition"), f.Decimal("setup_quantity"), f.NullableDecimal("rounding_multiple")));
                    break;
                case "part.bomitemsubstitute":
                    _substitutes.Add(new FixtureBomSubstitute(pk, f.Int("bom_item"), f.Int("part")));
                    break;
                case "stock.stockitem":
                    _stock[pk] = new FixtureStockItem(pk, f.Int("part"), f.Decimal("quantity"), f.Int("status", 10),
                        f.NullableInt("sales_order"), f.NullableInt("belongs_to"), f.NullableInt("customer"), f.NullableInt("consumed_by"),
                        f.Bool("is_building"), f.NullableInt("build"), f.NullableInt("supplier_part"));
                    break;
                case "build.build":
                    _builds.Add(new FixtureBuild(pk, f.Int("part"), f.Decimal("quantity"), f.Decimal("completed"), f.Int("status", 10)));
                    break;
                case "build.buildline":
                    _buildLines.Add(new FixtureBuildLine(pk, f.Int("build"), f.Int("bom_item"), f.Decimal("quantity")));
                    break;
                case "build.builditem":
                    _buildItems.Add(new FixtureBuildItem(pk, f.Int("build_line"), f.Int("stock_item"), f.Decimal("quantity")));
                    break;
                case "order.purchaseorder":
                    _purchaseOrders.Add(new FixturePurchaseOrder(pk, f.Int("status", 10), f.String("reference") ?? "", f.NullableInt("supplier"),
                        f.String("description") ?? "", f.String("creation_date"), f.String("issue_date"), f.String("target_date"),
                        f.String("supplier_reference") ?? ""));
                    break;
                case "order.purchaseorderlineitem":
                    _purchaseLines.Add(new FixturePurchaseLine(pk, f.Int("order"), f.NullableInt("part"), f.Decimal("quantity"), f.Decimal("received"),
                        f.String("reference") ?? "", f.String("target_date"), f.NullableInt("destination")));
                    break;
                case "order.salesorder":
                    _salesOrders.Add(new FixtureOrder(pk, f.Int("status", 10)));
                    break;
                case "order.salesorderlineitem":
                    _salesLines.Add(new FixtureSalesLine(pk, f.Int("order"), f.NullableInt("part"), f.Decimal("quantity"), f.Decimal("shipped")));
                    break;
                case "order.salesorderallocation":
                    _allocations.Add(new FixtureSalesAllocation(pk, f.Int("line"), f.Int("item"), f.NullableInt("shipment"), f.Decimal("quantity")));
                    break;
                case "order.salesordershipment":
                    _shipments.Add(new FixtureShipment(pk, f.Int("order"), f.String("shipment_date") is not null));
                    break;
                case "company.company":
                    _companies.Add(new FixtureCompany(pk, f.String("name") ?? "", f.Bool("is_supplier"), f.String("description") ?? "",
                        f.String("currency"), f.Bool("active", true)));
                    break;
                case "company.supplierpart":
                    // pack_quantity_native is the pack size in the part's own units (InvenTree ≥ 0.12); 1 when absent.
                    var pack = f.Decimal("pack_quantity_native", 1);
                    _supplierParts.Add(new FixtureSupplierPart(pk, f.Int("part"), f.Int("supplier"), f.String("SKU") ?? "", pack > 0 ? pack : 1,
                        f.Bool("primary"), f.Decimal("available"), f.Bool("active", true), f.String("description") ?? ""));
                    break;
                case "company.supplierpricebreak":
                    _priceBreaks.Add(new FixturePriceBreak(pk, f.Int("part"), f.Decimal("quantity", 1), f.Decimal("price"), f.String("price_currency")));
                    break;
            }
        }

        public FixtureData ToData() => new()
        {
            Parts = [.. _parts.OrderBy(p => p.Pk)],
            BomItems = [.. _bomItems.OrderBy(b => b.Pk)],
            BomSubstitutes = [.. _substitutes.OrderBy(s => s.Pk)],
            StockItems = _stock,
            Builds = [.. _builds.OrderBy(b => b.Pk)],
            BuildLines = _buildLines,
            BuildItems = _buildItems,
            PurchaseOrders = _purchaseOrders,
            PurchaseLines = _purchaseLines,
            SalesOrders = _salesOrders,
            SalesLines = _salesLines,
            SalesAllocations = _allocations,
            Shipments = _shipments,
            Companies = [.. _companies.OrderBy(c => c.Pk)],
            SupplierParts = [.. _supplierParts.OrderBy(s => s.Pk)],
            PriceBreaks = [.. _priceBreaks.OrderBy(b => b.Pk)],
            NextPurchaseOrderPk = _purchaseOrders.Select(o => o.Pk).DefaultIfEmpty(0).Max() + 1,
            NextPurchaseLinePk = _purchaseLines.Select(l => l.Pk).DefaultIfEmpty(0).Max() + 1,
        };
    }
}
