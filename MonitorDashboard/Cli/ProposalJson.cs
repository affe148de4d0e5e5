using System.Text.Json;
using MonitorDashboard.Calculation;
using MonitorDashboard.Calculation.Proposals;

namespace MonitorDashboard.Cli;

/// <summary>
/// An order proposal as JSON for scripts (<c>monitor proposal --json</c>, <c>calc --proposal --json</c>): snake_case keys,
/// quantities and prices as JSON numbers, a price and its currency null when InvenTree has none.
/// </summary>
internal static class ProposalJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public static string Serialize(object document) => JsonSerializer.Serialize(document, Options);

    /// <summary>The proposal's part of a document: <c>suppliers</c> (each with <c>lines</c> and <c>totals</c>) and <c>no_supplier</c>.</summary>
    public static Document Of(OrderProposal proposal) => new(
        proposal.Suppliers.Select(s => new Supplier(
            s.SupplierPk, s.SupplierName,
            s.Lines.Select(l => new Line(
                l.PartPk, l.PartName, l.SupplierPartPk, l.Sku, l.Choice == SupplierPartChoice.Primary,
                Numbers.Normalise(l.ToOrder), Numbers.Normalise(l.PackSize), Numbers.Normalise(l.Packs), Numbers.Normalise(l.Quantity),
                l.UnitPrice is { } unit ? Numbers.Normalise(unit) : null, l.LinePrice is { } line ? Numbers.Normalise(line) : null,
                l.Currency, Numbers.Normalise(l.OnOrder))).ToList(),
            s.Totals.Select(t => new Total(t.Currency, Numbers.Normalise(t.Amount))).ToList(),
            s.UnpricedLines)).ToList(),
        proposal.NoSupplier.Select(n => new NoSupplier(n.PartPk, n.PartName, Numbers.Normalise(n.ToOrder), Numbers.Normalise(n.OnOrder))).ToList());

    internal sealed record Document(IReadOnlyList<Supplier> Suppliers, IReadOnlyList<NoSupplier> NoSupplier);

    /// <param name="Packs">The quantity of a purchase order line: supplier-part units (packs).</param>
    /// <param name="Quantity">What arrives, in the part's units: packs × pack size.</param>
    internal sealed record Line(
        int PartPk, string PartName, int SupplierPartPk, string? Sku, bool Primary, decimal Needed, decimal PackSize, decimal Packs,
        decimal Quantity, decimal? UnitPrice, decimal? LinePrice, string? Currency, decimal OnOrder);

    internal sealed record Supplier(int SupplierPk, string SupplierName, IReadOnlyList<Line> Lines, IReadOnlyList<Total> Totals, int UnpricedLines);

    internal sealed record Total(string Currency, decimal Amount);

    internal sealed record NoSupplier(int PartPk, string PartName, decimal Needed, decimal OnOrder);
}
