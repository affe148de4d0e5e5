using MonitorDashboard.Calculation.Proposals;
using static MonitorDashboard.Tests.Calculation.Proposals.ProposalData;

namespace MonitorDashboard.Tests.Calculation.Proposals;

/// <summary>Grouping, rounding, pricing and totals of an order proposal, on hand-written data with hand-computed expectations.</summary>
public sealed class OrderProposalBuilderTests
{
    [Fact]
    public void Parts_are_grouped_by_supplier_with_suppliers_by_name_and_lines_by_part_name()
    {
        var purchasing = Purchasing(
        [
            Sp(11, 1, 30, "Zeta Parts"), Sp(12, 2, 10, "alpha supply"), Sp(13, 3, 20, "Beta GmbH"), Sp(14, 4, 10, "alpha supply"),
        ]);

        var proposal = OrderProposalBuilder.Build([Row(1, "Washer", 5), Row(2, "Screw", 6), Row(3, "Nut", 7), Row(4, "Bolt", 8)], purchasing, []);

        Assert.Equal(["alpha supply", "Beta GmbH", "Zeta Parts"], proposal.Suppliers.Select(s => s.SupplierName));
        Assert.Equal([10, 20, 30], proposal.Suppliers.Select(s => s.SupplierPk));
        Assert.Equal(["Bolt", "Screw"], proposal.Suppliers[0].Lines.Select(l => l.PartName));
        Assert.Equal([14, 12], proposal.Suppliers[0].Lines.Select(l => l.SupplierPartPk));
        Assert.Empty(proposal.NoSupplier);
    }

    [Fact]
    public void The_primary_supplier_part_wins_over_one_with_more_stock_and_a_lower_price()
    {
        var purchasing = Purchasing(
            [Sp(21, 1, 1, "Cheap", available: 1000), Sp(22, 1, 2, "Primary", primary: true, available: 0)],
            [Pb(1, 21, 1, 1m), Pb(2, 22, 1, 9m)]);

        var line = SingleLine(OrderProposalBuilder.Build([Row(1, "Modem", 4)], purchasing, []));

        Assert.Equal((22, SupplierPartChoice.Primary), (line.SupplierPartPk, line.Choice));
    }

    [Fact]
    public void An_inactive_primary_or_one_from_an_excluded_supplier_falls_back_to_another_supplier_part()
    {
        var inactive = Purchasing([Sp(31, 1, 1, "Old", primary: true, active: false), Sp(32, 1, 2, "Other")]);
        var excluded = Purchasing([Sp(33, 1, 1, "Northwind Modules Inc.", primary: true), Sp(34, 1, 2, "Other")]);

        var fromInactive = SingleLine(OrderProposalBuilder.Build([Row(1, "Modem", 4)], inactive, []));
        var fromExcluded = SingleLine(OrderProposalBuilder.Build([Row(1, "Modem", 4)], excluded, [" northwind modules inc. "]));

        Assert.Equal((32, SupplierPartChoice.Fallback), (fromInactive.SupplierPartPk, fromInactive.Choice));
        Assert.Equal((34, SupplierPartChoice.Fallback), (fromExcluded.SupplierPartPk, fromExcluded.Choice));
    }

    [Fact]
    public void Without_a_primary_the_supplier_with_most_available_is_chosen()
    {
        var purchasing = Purchasing([Sp(41, 1, 1, "A", available: 10), Sp(42, 1, 2, "B", available: 50), Sp(43, 1, 3, "C")],
            [Pb(1, 41, 1, 0.01m)]);

        Assert.Equal(42, SingleLine(OrderProposalBuilder.Build([Row(1, "Part", 20)], purchasing, [])).SupplierPartPk);
    }

    [Fact]
    public void With_equal_availability_the_lowest_price_per_part_unit_for_the_quantity_wins()
    {
        // Need 20: #51 is 2 packs of 10 at 5.00 a pack = 0.50 a unit; #52 is 20 singles at 0.60; #53 has no price.
        var purchasing = Purchasing([Sp(53, 1, 3, "C"), Sp(52, 1, 2, "B"), Sp(51, 1, 1, "A", pack: 10)],
            [Pb(1, 51, 1, 5.00m), Pb(2, 52, 1, 0.60m), Pb(3, 52, 20, 0.55m)]);

        var line = SingleLine(OrderProposalBuilder.Build([Row(1, "Part", 20)], purchasing, []));

        Assert.Equal((51, 2m, 20m, 5.00m, 10.00m), (line.SupplierPartPk, line.Packs, line.Quantity, line.UnitPrice, line.LinePrice));
    }

    [Fact]
    public void Prices_in_different_currencies_are_not_compared_and_the_lowest_pk_decides()
    {
        var purchasing = Purchasing([Sp(62, 1, 2, "B"), Sp(61, 1, 1, "A")], [Pb(1, 61, 1, 100m, "USD"), Pb(2, 62, 1, 1m, "EUR")]);

        Assert.Equal(61, SingleLine(OrderProposalBuilder.Build([Row(1, "Part", 3)], purchasing, [])).SupplierPartPk);
    }

    [Fact]
    public void Parts_without_an_eligible_supplier_part_are_listed_apart()
    {
        var purchasing = Purchasing(
            [Sp(71, 2, 1, "Gone", active: false), Sp(72, 3, 2, "Excluded Ltd"), Sp(73, 4, 3, "Fine")],
            onOrder: [OnOrderLine(Sp(72, 3, 2, "Excluded Ltd"), 7)]);

        var proposal = OrderProposalBuilder.Build(
            [Row(1, "Zinc plate", 1), Row(2, "Old relay", 2), Row(3, "Label", 3.5m), Row(4, "Fuse", 4)], purchasing, ["Excluded Ltd"]);

        Assert.Equal(
            [new NoSupplierLine(3, "Label", 3.5m, 7m), new NoSupplierLine(2, "Old relay", 2m, 0m), new NoSupplierLine(1, "Zinc plate", 1m, 0m)],
            proposal.NoSupplier);
        Assert.Equal("Fuse", SingleLine(proposal with { NoSupplier = [] }).PartName);
    }

    [Fact]
    public void Quantities_are_rounded_up_to_packs_and_priced_by_the_break_for_the_packs_not_the_part_units()
    {
        // A reel of 5000 resistors: 1 reel → 9.80, 5 reels → 8.90 a reel.
        var purchasing = Purchasing([Sp(321, 1, 1, "Voltaic", pack: 5000)], [Pb(1, 321, 1, 9.80m), Pb(2, 321, 5, 8.90m)]);

        var four = SingleLine(OrderProposalBuilder.Build([Row(1, "Resistor 10k", 20000)], purchasing, []));     // exactly 4 reels
        var five = SingleLine(OrderProposalBuilder.Build([Row(1, "Resistor 10k", 20001)], purchasing, []));     // 4.0002 → 5 reels

        Assert.Equal((20000m, 5000m, 4m, 20000m, 9.80m, 39.20m), (four.ToOrder, four.PackSize, four.Packs, four.Quantity, four.UnitPrice, four.LinePrice));
        Assert.Equal((20001m, 5m, 25000m, 8.90m, 44.50m), (five.ToOrder, five.Packs, five.Quantity, five.UnitPrice, five.LinePrice));
        Assert.Equal("EUR", five.Currency);
    }

    [Fact]
    public void Totals_are_per_currency_and_unpriced_lines_are_counted_not_summed()
    {
        var purchasing = Purchasing(
            [Sp(81, 1, 1, "Mixed"), Sp(82, 2, 1, "Mixed", pack: 4), Sp(83, 3, 1, "Mixed"), Sp(84, 4, 1, "Mixed")],
            [Pb(1, 81, 1, 2.00m), Pb(2, 82, 1, 1.50m, "eur"), Pb(3, 83, 1, 2.50m, "USD"), Pb(4, 84, 10, 1m)]);

        // 10 × 2.00 = 20.00 EUR; 12 units = 3 packs of 4 × 1.50 = 4.50 EUR; 4 × 2.50 = 10.00 USD; 5 below the break of 10: no price.
        var group = Assert.Single(OrderProposalBuilder.Build(
            [Row(1, "A", 10), Row(2, "B", 12), Row(3, "C", 4), Row(4, "D", 5)], purchasing, []).Suppliers);

        Assert.Equal([new ProposalTotal("EUR", 24.50m), new ProposalTotal("USD", 10.00m)], group.Totals);
        Assert.Equal(1, group.UnpricedLines);
        var unpriced = group.Lines.Single(l => l.PartName == "D");
        Assert.Equal((null, null, (decimal?)null), (unpriced.UnitPrice, unpriced.Currency, unpriced.LinePrice));
    }

    [Fact]
    public void Already_on_order_is_shown_beside_the_line_and_not_subtracted()
    {
        var screws = Sp(355, 1, 2, "Hanseatic", pack: 100);
        var purchasing = Purchasing([screws], [Pb(1, 355, 1, 4.20m)], [OnOrderLine(screws, 5)]);

        var line = SingleLine(OrderProposalBuilder.Build([Row(1, "M3x8 Screw", 248)], purchasing, []));

        Assert.Equal((248m, 3m, 300m, 500m, 12.60m), (line.ToOrder, line.Packs, line.Quantity, line.OnOrder, line.LinePrice));
    }

    [Fact]
    public void Nothing_to_order_makes_an_empty_proposal() =>
        Assert.Equal((0, 0), Count(OrderProposalBuilder.Build([Row(1, "Part", 0)], Purchasing([Sp(1, 1, 1, "A")]), [])));

    private static (int, int) Count(OrderProposal p) => (p.Suppliers.Count, p.NoSupplier.Count);

    private static ProposalLine SingleLine(OrderProposal proposal)
    {
        Assert.Empty(proposal.NoSupplier);
        return Assert.Single(Assert.Single(proposal.Suppliers).Lines);
    }
}
