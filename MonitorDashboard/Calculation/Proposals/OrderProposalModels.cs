namespace MonitorDashboard.Calculation.Proposals;

/// <summary>
/// The parts to order of a result, as draft purchase orders would hold them: one group per supplier (by supplier name),
/// and apart the parts that have no eligible supplier part. Built by <see cref="OrderProposalBuilder"/>.
/// </summary>
public sealed record OrderProposal(IReadOnlyList<SupplierProposal> Suppliers, IReadOnlyList<NoSupplierLine> NoSupplier)
{
    public static OrderProposal Empty { get; } = new([], []);
}

/// <summary>What to order from one supplier: lines by part name, and totals per currency (never added across currencies).</summary>
/// <param name="UnpricedLines">How many lines have no price (no price break applies), so are in no total.</param>
public sealed record SupplierProposal(
    int SupplierPk,
    string SupplierName,
    IReadOnlyList<ProposalLine> Lines,
    IReadOnlyList<ProposalTotal> Totals,
    int UnpricedLines);

/// <summary>One part to order from one supplier part.</summary>
/// <param name="ToOrder">The calculation's need, in the part's units, before rounding to packs.</param>
/// <param name="PackSize">Part units per pack (<c>pack_quantity_native</c>); 1 when there is no rounding.</param>
/// <param name="Packs">The quantity of a purchase order line: supplier-part units (packs), see <see cref="PackRounding"/>.</param>
/// <param name="Quantity">What arrives, in the part's units: <see cref="Packs"/> × <see cref="PackSize"/> (≥ <see cref="ToOrder"/>).</param>
/// <param name="UnitPrice">Price of one pack (one supplier-part unit) from the price break that applies; null when none does.</param>
/// <param name="LinePrice"><see cref="UnitPrice"/> × <see cref="Packs"/>; null when the price is unknown.</param>
/// <param name="OnOrder">Already on open purchase orders, in part units: shown beside the line, not subtracted (see <see cref="OrderProposalBuilder"/>).</param>
public sealed record ProposalLine(
    int PartPk,
    string PartName,
    int SupplierPartPk,
    string? Sku,
    SupplierPartChoice Choice,
    decimal ToOrder,
    decimal PackSize,
    decimal Packs,
    decimal Quantity,
    decimal? UnitPrice,
    string? Currency,
    decimal? LinePrice,
    decimal OnOrder);

/// <summary>A part to order that has no eligible supplier part (none at all, all inactive, or all from excluded suppliers).</summary>
public sealed record NoSupplierLine(int PartPk, string PartName, decimal ToOrder, decimal OnOrder);

/// <summary>The sum of a supplier's priced lines in one currency.</summary>
public sealed record ProposalTotal(string Currency, decimal Amount);

/// <summary>Why a line's supplier part was chosen (see <see cref="SupplierPartChooser"/>).</summary>
public enum SupplierPartChoice
{
    /// <summary>InvenTree marks it the part's primary supplier part.</summary>
    Primary,
    /// <summary>No eligible primary: the best of the eligible ones by the stated rule.</summary>
    Fallback,
}
