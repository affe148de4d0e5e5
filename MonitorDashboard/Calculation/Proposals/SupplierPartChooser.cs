using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Calculation.Proposals;

/// <summary>
/// Rule for which supplier part a part is ordered as. Eligible: active, and its supplier not one of the excluded
/// suppliers (by name, case-insensitive, as the calculation's "exclude supplier" option matches them). Among the eligible:
/// the one InvenTree marks <c>primary</c>; if none is, the one whose supplier reports the most available, then the
/// lowest price per part unit for the quantity needed (after pack rounding and price breaks; compared only when all
/// priced candidates share one currency, and a known price beats an unknown one), then the lowest pk. No eligible
/// supplier part: the part goes to the "no supplier" group.
/// </summary>
public sealed class SupplierPartChooser(IReadOnlyCollection<string> excludedSuppliers)
{
    private readonly HashSet<string> _excluded = excludedSuppliers
        .Select(n => n.Trim())
        .Where(n => n.Length > 0)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public bool IsEligible(InvenTreeSupplierPart supplierPart) =>
        supplierPart.Active && (supplierPart.SupplierName is not { } name || !_excluded.Contains(name.Trim()));

    /// <summary>The chosen supplier part for <paramref name="need"/> part units and why; null when none is eligible.</summary>
    public (InvenTreeSupplierPart SupplierPart, SupplierPartChoice Choice)? Choose(
        IEnumerable<InvenTreeSupplierPart> supplierParts,
        decimal need,
        Func<int, IReadOnlyList<InvenTreePriceBreak>> priceBreaksOf)
    {
        var eligible = supplierParts.Where(IsEligible).OrderBy(s => s.Pk).ToList();
        if (eligible.Count == 0)
        {
            return null;
        }
        if (eligible.FirstOrDefault(s => s.Primary) is { } primary)
        {
            return (primary, SupplierPartChoice.Primary);
        }

        var priced = eligible.Select(s => (Part: s, Break: PriceBreakRule.For(priceBreaksOf(s.Pk), PackRounding.Packs(need, s.PackQuantityNative))))
            .ToList();
        var comparable = priced.Where(p => p.Break is not null).Select(p => p.Break!.PriceCurrency).Distinct(StringComparer.OrdinalIgnoreCase).Count() <= 1;
        var best = priced
            .OrderByDescending(p => p.Part.Available ?? 0)
            .ThenBy(p => p.Break is null ? 1 : 0)
            .ThenBy(p => comparable && p.Break is { Price: { } price } ? price / PackRounding.PackSize(p.Part.PackQuantityNative) : 0)
            .ThenBy(p => p.Part.Pk)
            .First();
        return (best.Part, SupplierPartChoice.Fallback);
    }
}
