using MonitorDashboard.Calculation;
using MonitorDashboard.InvenTree;
using static MonitorDashboard.Tests.Demo.SampleCatalogFixture;

namespace MonitorDashboard.Tests.Demo;

/// <summary>
/// The structural promises of MonitorDashboard/Demo/SAMPLE_CATALOG.md, checked on the raw JSON.
/// The worked numbers are checked where the emulator and the calculator meet, not here.
/// </summary>
public sealed class SampleCatalogTests(SampleCatalogFixture catalog) : IClassFixture<SampleCatalogFixture>
{
    private static readonly int[] OpenPurchaseOrder = [10, 20, 25];
    private static readonly int[] OpenSalesOrder = [10, 15, 25];
    private static readonly int[] ActiveBuild = [10, 20, 25];

    /// <summary>Every foreign key the emulator follows: (model, field, target model).</summary>
    public static TheoryData<string, string, string> References => new()
    {
        { "part.part", "category", "part.partcategory" },
        { "part.part", "variant_of", "part.part" },
        { "part.partcategory", "parent", "part.partcategory" },
        { "part.bomitem", "part", "part.part" },
        { "part.bomitem", "sub_part", "part.part" },
        { "part.bomitemsubstitute", "bom_item", "part.bomitem" },
        { "part.bomitemsubstitute", "part", "part.part" },
        { "stock.stocklocation", "parent", "stock.stocklocation" },
        { "stock.stockitem", "part", "part.part" },
        { "stock.stockitem", "location", "stock.stocklocation" },
        { "stock.stockitem", "belongs_to", "stock.stockitem" },
        { "stock.stockitem", "customer", "company.company" },
        { "stock.stockitem", "consumed_by", "build.build" },
        { "stock.stockitem", "build", "build.build" },
        { "stock.stockitem", "sales_order", "order.salesorder" },
        { "build.build", "part", "part.part" },
        { "build.buildline", "build", "build.build" },
        { "build.buildline", "bom_item", "part.bomitem" },
        { "build.builditem", "build_line", "build.buildline" },
        { "build.builditem", "stock_item", "stock.stockitem" },
        { "order.purchaseorder", "supplier", "company.company" },
        { "order.purchaseorderlineitem", "order", "order.purchaseorder" },
        { "order.purchaseorderlineitem", "part", "company.supplierpart" },
        { "order.salesorder", "customer", "company.company" },
        { "order.salesorderlineitem", "order", "order.salesorder" },
        { "order.salesorderlineitem", "part", "part.part" },
        { "order.salesordershipment", "order", "order.salesorder" },
        { "order.salesorderallocation", "line", "order.salesorderlineitem" },
        { "order.salesorderallocation", "shipment", "order.salesordershipment" },
        { "order.salesorderallocation", "item", "stock.stockitem" },
        { "company.supplierpart", "part", "part.part" },
        { "company.supplierpart", "supplier", "company.company" },
        { "company.supplierpricebreak", "part", "company.supplierpart" },
    };

    [Theory]
    [MemberData(nameof(References))]
    public void Every_referenced_pk_exists(string model, string field, string target)
    {
        Assert.NotEmpty(catalog[model]);
        var dangling = catalog[model]
            .Where(r => Int(r.Value, field) is { } pk && !catalog[target].ContainsKey(pk))
            .Select(r => r.Key)
            .ToList();
        Assert.Empty(dangling);
    }

    [Fact]
    public void Uses_only_the_model_names_of_InvenTree_dumpdata()
    {
        string[] expected =
        [
            "part.part", "part.partcategory", "part.bomitem", "part.bomitemsubstitute", "stock.stocklocation",
            "stock.stockitem", "build.build", "build.buildline", "build.builditem", "order.purchaseorder",
            "order.purchaseorderlineitem", "order.salesorder", "order.salesorderlineitem",
            "order.salesorderallocation", "order.salesordershipment", "company.company", "company.supplierpart",
            "company.supplierpricebreak",
        ];
        Assert.Equal(expected.Order(), catalog.Models.Keys.Order());
    }

    [Theory]
    [InlineData("part.bomitem", "quantity")]
    [InlineData("part.part", "minimum_stock")]
    [InlineData("stock.stockitem", "quantity")]
    [InlineData("build.buildline", "quantity")]
    [InlineData("build.builditem", "quantity")]
    [InlineData("order.purchaseorderlineitem", "received")]
    [InlineData("order.salesorderlineitem", "shipped")]
    [InlineData("company.supplierpart", "pack_quantity_native")]
    [InlineData("company.supplierpricebreak", "quantity")]
    [InlineData("company.supplierpricebreak", "price")]
    public void Decimals_are_strings_as_in_InvenTree_dumpdata(string model, string field)
    {
        Assert.All(catalog[model].Values, fields => Assert.True(Dec(fields, field) >= 0));
    }

    [Fact]
    public void Has_at_least_sixty_parts() => Assert.True(catalog.Parts.Count >= 60, $"{catalog.Parts.Count} parts");

    [Fact]
    public void Master_Assembly_is_unique_and_its_tree_is_at_least_three_BOM_levels_deep()
    {
        var master = Assert.Single(catalog.PartsNamed("Master Assembly"));
        Assert.True(Depth(master, []) >= 3);
    }

    [Fact]
    public void Bom_has_no_cycle()
    {
        foreach (var assembly in catalog.Parts.Where(p => Bool(p.Value, "assembly")).Select(p => p.Key))
        {
            Depth(assembly, []);
        }
    }

    [Fact]
    public void Widget_Assembly_revision_B_resolves_to_one_variant_of_the_template()
    {
        var revisionB = Assert.Single(catalog.PartsNamed("Widget Assembly", "B"));
        var template = Int(catalog.Parts[revisionB], "variant_of");
        Assert.NotNull(template);
        Assert.True(Bool(catalog.Parts[template.Value], "is_template"));
        Assert.Equal("Widget Assembly", Str(catalog.Parts[template.Value], "name"));
        // Without a revision the name is ambiguous: the template and every revision carry it.
        Assert.True(catalog.PartsNamed("Widget Assembly").Count() > 1);
    }

    [Fact]
    public void A_subassembly_is_used_by_two_distinct_assemblies()
    {
        var shared = catalog.BomItems.Values
            .GroupBy(line => Int(line, "sub_part")!.Value)
            .Where(g => Bool(catalog.Parts[g.Key], "assembly"))
            .Where(g => g.Select(line => Int(line, "part")).Distinct().Count() >= 2);
        Assert.NotEmpty(shared);
    }

    [Fact]
    public void Bom_has_optional_and_consumable_lines()
    {
        Assert.Contains(catalog.BomItems.Values, line => Bool(line, "optional"));
        Assert.Contains(catalog.BomItems.Values, line => Bool(line, "consumable"));
    }

    [Fact]
    public void A_template_with_variants_passes_inherited_lines_to_its_variants()
    {
        var variantsOfTemplatesWithInheritedLines = catalog.Parts
            .Where(p => Int(p.Value, "variant_of") is { } template
                && catalog.BomItems.Values.Any(l => Int(l, "part") == template && Bool(l, "inherited")))
            .Select(p => p.Key);
        var variant = Assert.Single(catalog.PartsNamed("Widget Assembly", "B"));
        Assert.Contains(variant, variantsOfTemplatesWithInheritedLines);
        Assert.Contains(catalog.BomOf(variant), line => Int(line, "part") != variant);
    }

    [Fact]
    public void An_allow_variants_line_points_at_a_template_whose_variants_have_stock()
    {
        var templates = catalog.BomItems.Values
            .Where(line => Bool(line, "allow_variants"))
            .Select(line => Int(line, "sub_part")!.Value)
            .Where(pk => Bool(catalog.Parts[pk], "is_template"));
        Assert.Contains(templates, template => catalog["stock.stockitem"].Values.Any(item =>
            Int(catalog.Parts[Int(item, "part")!.Value], "variant_of") == template && Dec(item, "quantity") > 0));
    }

    [Fact]
    public void Substitutes_exist_on_at_least_two_bom_lines()
    {
        var lines = catalog["part.bomitemsubstitute"].Values.Select(s => Int(s, "bom_item")).Distinct();
        Assert.True(lines.Count() >= 2);
    }

    [Fact]
    public void Two_distinct_parts_share_a_name_without_revision()
    {
        var pair = catalog.PartsNamed("M3x8 Screw").ToList();
        Assert.Equal(2, pair.Count);
        Assert.All(pair, pk => Assert.Null(Str(catalog.Parts[pk], "revision")));
    }

    [Fact]
    public void A_part_neither_purchaseable_nor_assembly_is_used_in_a_bom()
    {
        var usedInBoms = catalog.BomItems.Values.Select(line => Int(line, "sub_part")!.Value).ToHashSet();
        Assert.Contains(usedInBoms, pk =>
            !Bool(catalog.Parts[pk], "purchaseable") && !Bool(catalog.Parts[pk], "assembly"));
    }

    [Fact]
    public void Open_purchase_orders_have_partly_received_lines_and_a_closed_order_exists()
    {
        var orders = catalog["order.purchaseorder"];
        Assert.Contains(catalog["order.purchaseorderlineitem"].Values, line =>
            OpenPurchaseOrder.Contains(Int(orders[Int(line, "order")!.Value], "status")!.Value)
            && Dec(line, "received") > 0 && Dec(line, "received") < Dec(line, "quantity"));
        Assert.Contains(orders.Values, order => Int(order, "status") == 30);
        Assert.Contains(catalog["company.supplierpart"].Values, sp => Dec(sp, "pack_quantity_native") > 1);
    }

    [Fact]
    public void Open_sales_orders_have_allocations_on_a_shipped_and_an_unshipped_shipment()
    {
        Assert.Contains(catalog["order.salesorder"].Values, o => OpenSalesOrder.Contains(Int(o, "status")!.Value));
        var shipments = catalog["order.salesordershipment"];
        var allocated = catalog["order.salesorderallocation"].Values
            .Select(a => Int(a, "shipment")).OfType<int>().Select(pk => shipments[pk]).ToList();
        Assert.Contains(allocated, s => Str(s, "shipment_date") is not null);
        Assert.Contains(allocated, s => Str(s, "shipment_date") is null);
    }

    [Fact]
    public void Active_builds_with_work_left_and_finished_builds_exist()
    {
        var builds = catalog["build.build"].Values.ToList();
        Assert.Contains(builds, b => ActiveBuild.Contains(Int(b, "status")!.Value) && Int(b, "completed") < Int(b, "quantity"));
        Assert.Contains(builds, b => Int(b, "status") == 40);
        Assert.Contains(builds, b => Int(b, "status") == 30);
        Assert.NotEmpty(catalog["build.builditem"]);
    }

    [Fact]
    public void At_least_three_suppliers_supply_parts_and_one_supplies_several()
    {
        var suppliers = catalog["company.company"].Where(c => Bool(c.Value, "is_supplier")).Select(c => c.Key).ToHashSet();
        var partsPerSupplier = catalog["company.supplierpart"].Values
            .GroupBy(sp => Int(sp, "supplier")!.Value)
            .Where(g => suppliers.Contains(g.Key))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.True(partsPerSupplier.Count >= 3);
        Assert.Contains(partsPerSupplier.Values, count => count > 5);
    }

    [Fact]
    public void Some_lines_use_attrition_a_setup_quantity_and_a_rounding_multiple()
    {
        var lines = catalog.BomItems.Values.ToList();
        Assert.Contains(lines, line => Str(line, "attrition") is not null && Dec(line, "attrition") > 0);
        Assert.Contains(lines, line => Str(line, "setup_quantity") is not null && Dec(line, "setup_quantity") > 0);
        Assert.Contains(lines, line => Str(line, "rounding_multiple") is not null && Dec(line, "rounding_multiple") > 0);
    }

    [Fact]
    public void Every_build_line_requires_what_InvenTree_would_have_created_it_with()
    {
        // InvenTree creates a build line with BomItem.get_required_quantity(build quantity), attrition, setup quantity
        // and rounding multiple included: the catalog's build lines agree with its BOM lines.
        foreach (var (pk, buildLine) in catalog["build.buildline"])
        {
            var line = catalog.BomItems[Int(buildLine, "bom_item")!.Value];
            var build = catalog["build.build"][Int(buildLine, "build")!.Value];
            var bomItem = new InvenTreeBomItem
            {
                Pk = Int(buildLine, "bom_item")!.Value,
                Part = Int(line, "part")!.Value,
                SubPart = Int(line, "sub_part")!.Value,
                Quantity = Dec(line, "quantity"),
                Attrition = Str(line, "attrition") is null ? null : Dec(line, "attrition"),
                SetupQuantity = Str(line, "setup_quantity") is null ? null : Dec(line, "setup_quantity"),
                RoundingMultiple = Str(line, "rounding_multiple") is null ? null : Dec(line, "rounding_multiple"),
            };
            var required = BomLineRequirement.Required(bomItem, Int(build, "quantity")!.Value);
            Assert.True(Dec(buildLine, "quantity") == required, $"build line {pk}: {Dec(buildLine, "quantity")}, expected {required}");
        }
    }

    /// <summary>Longest BOM path below <paramref name="pk"/>; fails on a cycle.</summary>
    private int Depth(int pk, HashSet<int> path)
    {
        Assert.True(path.Add(pk), $"BOM cycle through part {pk}");
        var children = catalog.BomOf(pk).Select(line => Int(line, "sub_part")!.Value).ToList();
        var depth = children.Count == 0 ? 0 : 1 + children.Max(child => Depth(child, path));
        path.Remove(pk);
        return depth;
    }
}
