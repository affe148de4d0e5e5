using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Calculation.Proposals;

/// <summary>
/// Rule: the unit price is that of the highest price break whose quantity is at most the number of packs ordered (price
/// breaks, like purchase order lines, count supplier-part units, i.e. packs — not part units). Below the lowest break,
/// or with no break, the price is unknown (as InvenTree's own pricing does). Breaks without a price or a currency are
/// ignored.
/// </summary>
public static class PriceBreakRule
{
    /// <summary>The break that applies to <paramref name="packs"/>, or null; <paramref name="breaks"/> in any order.</summary>
    public static InvenTreePriceBreak? For(IEnumerable<InvenTreePriceBreak> breaks, decimal packs) =>
        breaks
            .Where(b => b.Price is not null && !string.IsNullOrWhiteSpace(b.PriceCurrency) && b.Quantity <= packs)
            .OrderByDescending(b => b.Quantity)
            .ThenBy(b => b.Pk)
            .FirstOrDefault();
}
