using MonitorDashboard.Calculation;

namespace MonitorDashboard.Tests.Calculation;

public sealed class ResultFilterTests
{
    private static readonly CalculationResult Result = new(
        [Order(1, "Solder Paste", consumable: true), Order(2, "Relay"), Order(3, "Screw"), Order(4, "Fan", optional: true)],
        [Build(10, "Board"), Build(11, "Kit", consumable: true), Build(12, "Cooler", optional: true)],
        [new CriticalPart(1, "Solder Paste", null, 1, 1, 5)],
        [new NotFoundPart("Flux Capacitor", null, 0)],
        ["a warning"]);

    private static OrderRow Order(int pk, string name, bool consumable = false, bool optional = false) =>
        new(pk, name, null, null, optional, consumable, 1, 0, 0, 0, 0, 0, 1, [], []);

    private static BuildRow Build(int pk, string name, bool consumable = false, bool optional = false) =>
        new(pk, name, null, null, optional, consumable, 1, 0, 0, 0, 0, 0, 1, []);

    [Fact]
    public void No_filter_returns_the_result_unchanged() =>
        Assert.Same(Result, ResultFilter.Apply(Result, hideConsumables: false, new HashSet<int>()));

    [Fact]
    public void Hiding_consumables_drops_them_from_both_tables_but_not_from_critical()
    {
        var shown = ResultFilter.Apply(Result, hideConsumables: true, new HashSet<int>());

        Assert.Equal([2, 3, 4], shown.PartsToOrder.Select(r => r.Pk));
        Assert.Equal([10, 12], shown.SubassembliesToBuild.Select(r => r.Pk));
        Assert.Equal(Result.Critical, shown.Critical);
    }

    [Fact]
    public void Parts_of_hidden_suppliers_leave_only_the_parts_to_order()
    {
        var shown = ResultFilter.Apply(Result, hideConsumables: false, new HashSet<int> { 3, 10 });

        Assert.Equal([1, 2, 4], shown.PartsToOrder.Select(r => r.Pk));
        Assert.Equal([10, 11, 12], shown.SubassembliesToBuild.Select(r => r.Pk));
        Assert.Equal(Result.NotFound, shown.NotFound);
        Assert.Equal(Result.Warnings, shown.Warnings);
    }

    [Fact]
    public void Hiding_optional_parts_drops_them_from_both_tables_and_leaves_the_other_rows_as_they_were()
    {
        var shown = ResultFilter.Apply(Result, hideConsumables: false, new HashSet<int>(), hideOptional: true);

        Assert.Equal(Result.PartsToOrder.Where(r => r.Pk != 4), shown.PartsToOrder);
        Assert.Equal(Result.SubassembliesToBuild.Where(r => r.Pk != 12), shown.SubassembliesToBuild);
        Assert.Equal(Result.Critical, shown.Critical);
        Assert.Equal(Result.NotFound, shown.NotFound);
        Assert.Equal(Result.Warnings, shown.Warnings);
    }
}
