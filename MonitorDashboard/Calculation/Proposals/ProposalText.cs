using System.Globalization;

namespace MonitorDashboard.Calculation.Proposals;

/// <summary>The words and number formats of an order proposal, shared by the page, the CSV and the command line.</summary>
public static class ProposalText
{
    /// <summary><see cref="SupplierPartChooser"/>'s rule in words, for the people who act on its choice.</summary>
    public const string ChooserRule =
        "Each part is ordered as its primary supplier part in InvenTree. When none of its active supplier parts is marked "
        + "primary, the one whose supplier reports the most available is chosen, then one with a known price, then the lowest "
        + "price per unit, then the lowest supplier part id. Parts without an active supplier part (or only ones from excluded "
        + "suppliers) are listed under \"No supplier\". Quantities are rounded up to whole packs; prices come from the supplier "
        + "part's price breaks; what is already on order is shown beside each line, not subtracted.";

    /// <summary>A price as people read it: at least two decimals, at most four (34.9 → "34.90", 0.01234 → "0.0123").</summary>
    public static string Price(decimal value) =>
        Math.Round(value, 4, MidpointRounding.AwayFromZero).ToString("0.00##", CultureInfo.InvariantCulture);

    /// <summary>A supplier's totals, one per currency (never added across currencies): "1535.60 EUR + 12.60 USD"; "no prices" when none.</summary>
    public static string Totals(IReadOnlyList<ProposalTotal> totals) =>
        totals.Count == 0 ? "no prices" : string.Join(" + ", totals.Select(t => $"{Price(t.Amount)} {t.Currency}"));

    /// <summary>"2 lines without a price (not in the total)"; empty when every line is priced.</summary>
    public static string Unpriced(int count) => count switch
    {
        0 => "",
        1 => "1 line without a price (not in the total)",
        _ => $"{count} lines without a price (not in the total)",
    };
}
