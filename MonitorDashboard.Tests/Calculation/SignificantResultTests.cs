using MonitorDashboard.Calculation;

namespace MonitorDashboard.Tests.Calculation;

public sealed class SignificantResultTests
{
    private static OrderRow Order(int pk, decimal toOrder, decimal needed = 10) =>
        new(pk, $"Part {pk}", null, null, false, false, needed, 0, 0, 0, 0, 0, toOrder, ["Top"], []);

    private static BuildRow Build(int pk, decimal toBuild, decimal inProduction = 0) =>
        new(pk, $"Assembly {pk}", null, null, false, false, 10, 0, 0, 0, 0, inProduction, toBuild, ["Top"]);

    private static CalculationResult Result(
        IReadOnlyList<OrderRow>? orders = null,
        IReadOnlyList<BuildRow>? builds = null,
        IReadOnlyList<CriticalPart>? critical = null,
        IReadOnlyList<NotFoundPart>? notFound = null,
        IReadOnlyList<string>? warnings = null) =>
        new(orders ?? [], builds ?? [], critical ?? [], notFound ?? [], warnings ?? []);

    [Fact]
    public void The_canonical_form_is_sorted_by_part_id_and_keeps_only_what_decides_a_report()
    {
        var result = Result(
            orders: [Order(30, 5), Order(10, 2.5m)],
            builds: [Build(20, 4), Build(21, 0, inProduction: 3)],
            critical: [new CriticalPart(40, "Glue", null, 1, -2, 10)],
            notFound: [new NotFoundPart("Widget", "C", 0), new NotFoundPart("Bolt", null, 2)]);

        Assert.Equal(
            """{"to_order":[[10,2.5],[30,5]],"to_build":[[20,4]],"critical":[[40,-2,10]],"not_found":[["Bolt","",2],["Widget","C",0]]}""",
            SignificantResult.CanonicalJson(result));
    }

    [Fact]
    public void The_hash_is_lower_case_sha256_hex() =>
        Assert.Matches("^[0-9a-f]{64}$", SignificantResult.Hash(Result(orders: [Order(1, 1)])));

    [Fact]
    public void Order_of_rows_names_needed_quantities_and_warnings_do_not_change_the_hash()
    {
        var before = Result(orders: [Order(1, 5, needed: 10), Order(2, 7)], warnings: ["a"]);
        var after = Result(orders: [Order(2, 7) with { Name = "Renamed" }, Order(1, 5, needed: 99)], warnings: ["b", "c"]);

        Assert.Equal(SignificantResult.Hash(before), SignificantResult.Hash(after));
    }

    [Theory]
    [InlineData(5.0001, 5.0004, true)]   // both round to 5.000
    [InlineData(5.0, 5.00000, true)]     // scale does not matter
    [InlineData(5.0004, 5.0006, false)]  // 5.000 vs 5.001
    [InlineData(5, 6, false)]
    public void Quantities_count_to_three_decimals(double first, double second, bool same)
    {
        var a = SignificantResult.Hash(Result(orders: [Order(1, (decimal)first)]));
        var b = SignificantResult.Hash(Result(orders: [Order(1, (decimal)second)]));

        Assert.Equal(same, a == b);
    }

    [Fact]
    public void A_new_shortage_a_critical_change_or_a_new_unknown_part_changes_the_hash()
    {
        var baseline = SignificantResult.Hash(Result(orders: [Order(1, 5)]));

        Assert.NotEqual(baseline, SignificantResult.Hash(Result(orders: [Order(1, 5), Order(2, 1)])));
        Assert.NotEqual(baseline, SignificantResult.Hash(Result(orders: [Order(1, 5)], critical: [new CriticalPart(3, "X", null, 1, 1, 5)])));
        Assert.NotEqual(baseline, SignificantResult.Hash(Result(orders: [Order(1, 5)], notFound: [new NotFoundPart("Y", null, 0)])));
        Assert.NotEqual(baseline, SignificantResult.Hash(Result(orders: [Order(1, 5)], builds: [Build(4, 1)])));
    }

    [Fact]
    public void A_running_build_with_nothing_left_to_build_does_not_count()
    {
        Assert.Equal(
            SignificantResult.Hash(Result()),
            SignificantResult.Hash(Result(builds: [Build(7, 0, inProduction: 5)])));
    }
}
