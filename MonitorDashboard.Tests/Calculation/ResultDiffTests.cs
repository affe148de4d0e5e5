using MonitorDashboard.Calculation;

namespace MonitorDashboard.Tests.Calculation;

public sealed class ResultDiffTests
{
    private static OrderRow Order(int pk, string name, decimal toOrder) =>
        new(pk, name, null, null, false, false, toOrder, 0, 0, 0, 0, 0, toOrder, [], []);

    private static BuildRow Build(int pk, string name, decimal toBuild, decimal inProduction = 0) =>
        new(pk, name, null, null, false, false, toBuild, 0, 0, 0, 0, inProduction, toBuild, []);

    private static CalculationResult Result(
        OrderRow[]? orders = null, BuildRow[]? builds = null, CriticalPart[]? critical = null, NotFoundPart[]? notFound = null) =>
        new(orders ?? [], builds ?? [], critical ?? [], notFound ?? [], []);

    [Fact]
    public void Without_a_previous_result_it_is_the_first_report_and_counts_as_changed()
    {
        var changes = ResultDiff.Compare(null, Result(orders: [Order(1, "Resistor", 5)]));

        Assert.True(changes.IsFirstReport);
        Assert.True(changes.HasChanges);
        Assert.Empty(changes.NewShortages);
    }

    [Fact]
    public void The_same_result_has_no_changes()
    {
        var result = Result([Order(1, "Resistor", 5)], [Build(2, "Board", 1)], [new CriticalPart(3, "Screw", null, 1, 1, 10)], [new NotFoundPart("Gizmo", null, 0)]);

        var changes = ResultDiff.Compare(result, result with { Warnings = ["a new warning is not significant"] });

        Assert.False(changes.HasChanges);
        Assert.False(changes.IsFirstReport);
    }

    [Fact]
    public void Orders_are_new_resolved_more_or_less_keyed_by_pk()
    {
        var before = Result(orders: [Order(1, "Resistor", 5), Order(2, "Capacitor", 10), Order(3, "LED", 7)]);
        var after = Result(orders: [Order(1, "Resistor (renamed)", 8), Order(2, "Capacitor", 4), Order(4, "Diode", 2)]);

        var changes = ResultDiff.Compare(before, after);

        Assert.Equal([new PartQuantity(4, "Diode", 2)], changes.NewShortages);
        Assert.Equal([new PartQuantity(3, "LED", 7)], changes.ResolvedShortages);
        Assert.Equal([new QuantityChange(1, "Resistor (renamed)", 5, 8)], changes.IncreasedOrders);
        Assert.Equal([new QuantityChange(2, "Capacitor", 10, 4)], changes.DecreasedOrders);
        Assert.True(changes.HasChanges);
    }

    [Fact]
    public void Builds_are_compared_on_the_quantity_to_build_and_a_running_build_with_nothing_left_is_not_a_shortage()
    {
        var before = Result(builds: [Build(1, "Board", 3), Build(2, "Module", 2), Build(5, "Frame", 1)]);
        var after = Result(builds: [Build(1, "Board", 6), Build(2, "Module", 0, inProduction: 4), Build(3, "Cable", 1), Build(5, "Frame", 0.5m)]);

        var changes = ResultDiff.Compare(before, after);

        Assert.Equal([new PartQuantity(3, "Cable", 1)], changes.NewBuilds);
        Assert.Equal([new PartQuantity(2, "Module", 2)], changes.ResolvedBuilds);
        Assert.Equal([new QuantityChange(1, "Board", 3, 6)], changes.IncreasedBuilds);
        Assert.Equal([new QuantityChange(5, "Frame", 1, 0.5m)], changes.DecreasedBuilds);
    }

    [Theory]
    [InlineData(5.0001, false)] // rounds to 5.000: noise, not a change
    [InlineData(5.0004, false)]
    [InlineData(5.0005, true)] // rounds to 5.001
    [InlineData(5.001, true)]
    public void Quantities_are_compared_at_three_decimals(double after, bool changed)
    {
        var changes = ResultDiff.Compare(Result(orders: [Order(1, "Resistor", 5)]), Result(orders: [Order(1, "Resistor", (decimal)after)]));

        Assert.Equal(changed, changes.HasChanges);
    }

    [Fact]
    public void Critical_parts_in_out_and_moved()
    {
        var before = Result(critical: [new CriticalPart(1, "Screw", null, 5, 5, 10), new CriticalPart(2, "Nut", null, 1, 1, 10)]);
        var after = Result(critical: [new CriticalPart(1, "Screw", null, 3, 2, 10), new CriticalPart(3, "Washer", null, 0, 0, 50)]);

        var changes = ResultDiff.Compare(before, after);

        Assert.Equal([3], changes.CriticalAdded.Select(c => c.Pk));
        Assert.Equal([2], changes.CriticalRemoved.Select(c => c.Pk));
        Assert.Equal([new CriticalChange(1, "Screw", 5, 2, 10, 10)], changes.CriticalUpdated);
    }

    [Fact]
    public void Parts_not_found_are_keyed_by_name_and_revision()
    {
        var before = Result(notFound: [new NotFoundPart("Gizmo", "A", 0), new NotFoundPart("Sprocket", null, 2)]);
        var after = Result(notFound: [new NotFoundPart("Gizmo", "B", 0), new NotFoundPart("Sprocket", null, 3)]);

        var changes = ResultDiff.Compare(before, after);

        Assert.Equal([new NotFoundPart("Gizmo", "B", 0)], changes.NotFoundAdded);
        Assert.Equal([new NotFoundPart("Gizmo", "A", 0)], changes.NotFoundRemoved);
    }

    [Fact]
    public void Lists_are_sorted_by_name_then_pk()
    {
        var changes = ResultDiff.Compare(Result(), Result(orders: [Order(9, "b", 1), Order(3, "A", 1), Order(1, "b", 1)]));

        Assert.Equal([3, 1, 9], changes.NewShortages.Select(p => p.Pk));
    }
}
