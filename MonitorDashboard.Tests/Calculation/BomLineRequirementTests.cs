using MonitorDashboard.Calculation;
using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Tests.Calculation;

/// <summary>
/// InvenTree's <c>BomItem.get_required_quantity</c> (API 371+), one field at a time and together. Every expectation
/// is worked out by hand in the comment beside it.
/// </summary>
public sealed class BomLineRequirementTests
{
    private static InvenTreeBomItem Line(decimal quantity, decimal? attrition = null, decimal? setup = null, decimal? roundingMultiple = null) =>
        new()
        {
            Pk = 1, Part = 10, SubPart = 20, Quantity = quantity,
            Attrition = attrition, SetupQuantity = setup, RoundingMultiple = roundingMultiple,
        };

    [Fact]
    public void A_line_without_the_new_fields_requires_quantity_times_build()
    {
        // As from a server older than API 371: 3 × 4 = 12.
        Assert.Equal(12m, BomLineRequirement.Required(Line(3), 4));
    }

    [Fact]
    public void Unset_values_leave_quantity_times_build()
    {
        // InvenTree's defaults (attrition 0, setup 0, rounding null) and a zero multiple change nothing: 2 × 7 = 14.
        Assert.Equal(14m, BomLineRequirement.Required(Line(2, attrition: 0, setup: 0, roundingMultiple: null), 7));
        Assert.Equal(14m, BomLineRequirement.Required(Line(2, roundingMultiple: 0), 7));
    }

    [Fact]
    public void Attrition_adds_its_percentage()
    {
        // 2 × 10 = 20; 5 % attrition → 20 × 1.05 = 21.
        Assert.Equal(21m, BomLineRequirement.Required(Line(2, attrition: 5), 10));
    }

    [Theory]
    // 0.8 g × 4 = 3.2; × 1.05 = 3.36 (the sample catalog's solder paste on the Widget Logic Board).
    [InlineData(0.8, 4, 5, 3.36)]
    // 1.5 × 3 = 4.5; × 1.025 = 4.6125.
    [InlineData(1.5, 3, 2.5, 4.6125)]
    // 0.25 × 7 = 1.75; × 1.1 = 1.925.
    [InlineData(0.25, 7, 10, 1.925)]
    public void Attrition_on_fractional_quantities_is_exact(decimal quantity, decimal build, decimal attrition, decimal expected)
    {
        Assert.Equal(expected, BomLineRequirement.Required(Line(quantity, attrition: attrition), build));
    }

    [Fact]
    public void Setup_quantity_is_added_once_per_build_whatever_its_size()
    {
        // 2 × 10 + 3 = 23; 2 × 1 + 3 = 5.
        Assert.Equal(23m, BomLineRequirement.Required(Line(2, setup: 3), 10));
        Assert.Equal(5m, BomLineRequirement.Required(Line(2, setup: 3), 1));
    }

    [Theory]
    // 1 × 100 = 100: already a multiple of 100, stays 100.
    [InlineData(100, 100)]
    // 1 × 101 = 101: just above, rounds up to 200.
    [InlineData(101, 200)]
    // 1 × 1 = 1: rounds up to one whole reel.
    [InlineData(1, 100)]
    // 1 × 99.5 = 99.5: rounds up to 100.
    [InlineData(99.5, 100)]
    public void Rounding_multiple_rounds_up_never_down(decimal build, decimal expected)
    {
        Assert.Equal(expected, BomLineRequirement.Required(Line(1, roundingMultiple: 100), build));
    }

    [Fact]
    public void Rounding_multiple_may_be_fractional()
    {
        // 0.3 × 3 = 0.9: exactly three multiples of 0.3 → 0.9; 0.3 × 4 = 1.2 → 1.2 (four); 0.1 × 7 = 0.7 → 0.9 (three).
        Assert.Equal(0.9m, BomLineRequirement.Required(Line(0.3m, roundingMultiple: 0.3m), 3));
        Assert.Equal(1.2m, BomLineRequirement.Required(Line(0.3m, roundingMultiple: 0.3m), 4));
        Assert.Equal(0.9m, BomLineRequirement.Required(Line(0.1m, roundingMultiple: 0.3m), 7));
    }

    [Theory]
    // 4 × 25 = 100; × 1.05 = 105; + 3 = 108; 108 = 27 × 4 → 108 (on a multiple).
    // The wrong orders give other answers: setup before attrition (103 × 1.05 = 108.15 → 112), rounding before
    // setup (105 → 108, + 3 = 111).
    [InlineData(3, 108)]
    // Same with setup 4: 105 + 4 = 109, just above 108 → 112.
    [InlineData(4, 112)]
    public void All_three_apply_in_InvenTrees_order_attrition_then_setup_then_rounding(decimal setup, decimal expected)
    {
        Assert.Equal(expected, BomLineRequirement.Required(Line(4, attrition: 5, setup: setup, roundingMultiple: 4), 25));
    }

    [Fact]
    public void Nothing_to_build_requires_nothing_not_even_the_setup()
    {
        // N = 0: InvenTree requires 0, and the setup (5) and the rounding (a reel of 100) do not apply.
        Assert.Equal(0m, BomLineRequirement.Required(Line(2, attrition: 10, setup: 5, roundingMultiple: 100), 0));
    }
}
