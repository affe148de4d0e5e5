using MonitorDashboard.Calculation;

namespace MonitorDashboard.Tests.Calculation;

/// <summary>Optional and consumable flags, the options that use them, and the table-only filters.</summary>
public sealed class ShortageCalculatorFlagsTests
{
    // A → M1 (optional) and A → M2 (required); M1 → X, M2 → X, M1 → Y. Nothing in stock, A ×1.
    private static BomDataBuilder Diamond() => new BomDataBuilder()
        .Assembly(1, "A").Assembly(2, "M1").Assembly(3, "M2").Bought(4, "X").Bought(5, "Y")
        .Line(1, 2, 1, optional: true).Line(1, 3, 1)
        .Line(2, 4, 1).Line(3, 4, 1).Line(2, 5, 1)
        .Request(1, 1);

    [Fact]
    public void Part_is_optional_only_when_every_path_to_it_is_optional()
    {
        var result = Diamond().Calculate();

        Assert.True(result.Build(2).Optional);   // only path A →(opt) M1
        Assert.False(result.Build(3).Optional);  // A → M2
        Assert.False(result.Order(4).Optional);  // A → M2 → X is a path without an optional line
        Assert.True(result.Order(5).Optional);   // only A →(opt) M1 → Y
        Assert.False(result.Build(1).Optional);
    }

    [Fact]
    public void Hide_optional_drops_the_optional_rows_but_still_explodes_them_so_every_number_stays()
    {
        var all = Diamond().Calculate();
        var hidden = Diamond().Calculate(new CalculationOptions { HideOptional = true });

        // M1 (optional) and Y (only under M1) leave the tables; X keeps its demand of 2 (1 via M1 + 1 via M2).
        Assert.False(hidden.Builds(2));
        Assert.False(hidden.Orders(5));
        Assert.Equal(2m, hidden.Order(4).ToOrder);
        Assert.Equal(all.PartsToOrder.Where(r => !r.Optional).Select(Figures), hidden.PartsToOrder.Select(Figures));
        Assert.Equal(all.SubassembliesToBuild.Where(r => !r.Optional).Select(Figures), hidden.SubassembliesToBuild.Select(Figures));
        // The display filter on the page gives the same tables as the option in the calculation.
        var filtered = ResultFilter.Apply(all, hideConsumables: false, new HashSet<int>(), hideOptional: true);
        Assert.Equal(hidden.PartsToOrder.Select(Figures), filtered.PartsToOrder.Select(Figures));
        Assert.Equal(hidden.SubassembliesToBuild.Select(Figures), filtered.SubassembliesToBuild.Select(Figures));
    }

    [Fact]
    public void Exclude_optional_drops_optional_lines_and_what_only_they_reach()
    {
        // M1 and Y vanish; X keeps only the demand through M2: 1 × 1 = 1 (it was 2 with M1).
        var without = Diamond().Calculate();
        var with = Diamond().Calculate(new CalculationOptions { ExcludeOptional = true });

        Assert.Equal(2m, without.Order(4).ToOrder);
        Assert.Equal(1m, with.Order(4).ToOrder);
        Assert.False(with.Builds(2));
        Assert.False(with.Orders(5));
        Assert.True(with.Builds(3));
    }

    [Fact]
    public void Top_level_part_is_never_optional()
    {
        // B uses A through an optional line, but A is requested itself.
        var result = new BomDataBuilder()
            .Bought(1, "A").Assembly(2, "B")
            .Line(2, 1, 1, optional: true)
            .Request(1, 1).Request(2, 1)
            .Calculate();

        Assert.False(result.Order(1).Optional);
    }

    [Fact]
    public void Part_is_consumable_when_any_line_into_it_is()
    {
        // A → X consumable, B → X not: X is consumable. A → Y not: Y is not.
        var result = new BomDataBuilder()
            .Assembly(1, "A").Assembly(2, "B").Bought(3, "X").Bought(4, "Y")
            .Line(1, 3, 1, consumable: true).Line(2, 3, 1).Line(1, 4, 1)
            .Request(1, 1).Request(2, 1)
            .Calculate();

        Assert.True(result.Order(3).Consumable);
        Assert.False(result.Order(4).Consumable);
    }

    // A ×1 → X ×2 (consumable), A → Y ×1, A → S ×1 (consumable assembly) → Z ×3. Nothing in stock.
    private static BomDataBuilder WithConsumables() => new BomDataBuilder()
        .Assembly(1, "A").Bought(2, "X").Bought(3, "Y").Assembly(4, "S").Bought(5, "Z")
        .Line(1, 2, 2, consumable: true).Line(1, 3, 1).Line(1, 4, 1, consumable: true).Line(4, 5, 3)
        .Request(1, 1);

    [Fact]
    public void Hide_consumables_filters_both_tables_and_changes_no_numbers()
    {
        var shown = WithConsumables().Calculate();
        var hidden = WithConsumables().Calculate(new CalculationOptions { HideConsumables = true });

        Assert.True(shown.Orders(2));
        Assert.True(shown.Builds(4));
        Assert.False(hidden.Orders(2));
        Assert.False(hidden.Builds(4));
        // Z is below a consumable assembly but is not consumable itself: still 1 × 3 = 3 to order.
        Assert.Equal(3m, hidden.Order(5).ToOrder);
        Assert.Equal(shown.Order(3).ToOrder, hidden.Order(3).ToOrder);
        Assert.Equal(shown.Order(5).ToOrder, hidden.Order(5).ToOrder);
    }

    [Fact]
    public void Excluded_suppliers_filter_only_parts_to_order()
    {
        // X and S are supplied by an excluded supplier: X leaves the order table; S is built, so it stays.
        var result = WithConsumables().ExcludedBySupplier(2, 4).Calculate();

        Assert.False(result.Orders(2));
        Assert.Equal(1m, result.Build(4).ToBuild);
        Assert.Equal(1m, result.Order(3).ToOrder);
        Assert.Equal(3m, result.Order(5).ToOrder);
    }

    [Fact]
    public void Belongs_to_lists_each_top_level_part_once_with_its_revision_sorted()
    {
        // "zeta" and "Alpha@B" both reach X, "Alpha@B" twice (directly and through S).
        var result = new BomDataBuilder()
            .Assembly(1, "zeta").Assembly(2, "Alpha", revision: "B").Assembly(3, "S").Bought(4, "X")
            .Line(1, 4, 1).Line(2, 4, 1).Line(2, 3, 1).Line(3, 4, 1)
            .Request(1, 1).Request(2, 1)
            .Calculate();

        Assert.Equal(["Alpha@B", "zeta"], result.Order(4).BelongsTo);
        Assert.Equal(["Alpha@B"], result.Build(3).BelongsTo);
        Assert.Equal(["zeta"], result.Build(1).BelongsTo);
    }

    private static (int, decimal, decimal, decimal) Figures(OrderRow r) => (r.Pk, r.Needed, r.Available, r.ToOrder);

    private static (int, decimal, decimal, decimal, decimal) Figures(BuildRow r) => (r.Pk, r.Needed, r.Available, r.InProduction, r.ToBuild);
}
