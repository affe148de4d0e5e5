using System.Globalization;
using System.Text.RegularExpressions;

namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>
/// What InvenTree does when a purchase order or one of its lines is created or deleted, as pure changes from one
/// <see cref="FixtureData"/> state to the next (<see cref="InvenTreeFixture.Mutate{T}"/> applies them atomically).
/// Creating orders changes the parts' <c>ordering</c> like the real server: a Pending order's lines count.
/// </summary>
internal static partial class PurchaseOrderBook
{
    public const int Pending = 10;

    /// <summary>A new Pending order; the server chooses its pk and reference (recorded: no reference sent → "PO0013").</summary>
    public static (FixtureData Data, FixturePurchaseOrder Order) Create(
        FixtureData data, int supplier, string description, string supplierReference, string? targetDate, DateOnly today)
    {
        var order = new FixturePurchaseOrder(data.NextPurchaseOrderPk, Pending, NextReference(data.PurchaseOrders), supplier,
            description, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, targetDate, supplierReference);
        return (data with { PurchaseOrders = [.. data.PurchaseOrders, order], NextPurchaseOrderPk = order.Pk + 1 }, order);
    }

    /// <summary>
    /// The next reference: the highest reference number in use plus one, written like the latest reference (so
    /// "PO0012" → "PO0013" as recorded on the demo dataset, "PO-0005" → "PO-0006"); InvenTree's default pattern
    /// "PO-{ref:04d}" when there are no orders yet.
    /// </summary>
    public static string NextReference(IEnumerable<FixturePurchaseOrder> orders)
    {
        var latest = orders
            .Select(o => (Order: o, Match: TrailingNumber().Match(o.Reference)))
            .Where(x => x.Match.Success)
            .Select(x => (x.Order, Number: long.Parse(x.Match.Groups["n"].Value, CultureInfo.InvariantCulture), x.Match))
            .OrderByDescending(x => x.Number)
            .FirstOrDefault();
        if (latest.Order is null)
        {
            return "PO-0001";
        }
        var width = latest.Match.Groups["n"].Length;
        return latest.Match.Groups["prefix"].Value
               + (latest.Number + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
    }

    /// <summary>
    /// Adds a line, or (InvenTree's <c>merge_items</c>, on by default) adds the quantity to the order's existing line for
    /// the same supplier part, destination and target date and returns that line: recorded as 201 with the first line's pk.
    /// </summary>
    public static (FixtureData Data, FixturePurchaseLine Line) AddLine(FixtureData data, FixturePurchaseLine wanted, bool merge)
    {
        var existing = merge
            ? data.PurchaseLines.FirstOrDefault(l => l.Order == wanted.Order && l.SupplierPart == wanted.SupplierPart
                                                     && l.Destination == wanted.Destination && l.TargetDate == wanted.TargetDate)
            : null;
        if (existing is not null)
        {
            var merged = existing with { Quantity = existing.Quantity + wanted.Quantity };
            return (data with { PurchaseLines = [.. data.PurchaseLines.Select(l => l == existing ? merged : l)] }, merged);
        }
        var line = wanted with { Pk = data.NextPurchaseLinePk };
        return (data with { PurchaseLines = [.. data.PurchaseLines, line], NextPurchaseLinePk = line.Pk + 1 }, line);
    }

    /// <summary>Deletes an order and (as the database cascades) its lines; false when there is no such order.</summary>
    public static (FixtureData Data, bool Deleted) DeleteOrder(FixtureData data, int pk) =>
        data.PurchaseOrders.Any(o => o.Pk == pk)
            ? (data with
            {
                PurchaseOrders = [.. data.PurchaseOrders.Where(o => o.Pk != pk)],
                PurchaseLines = [.. data.PurchaseLines.Where(l => l.Order != pk)],
            }, true)
            : (data, false);

    /// <summary>Deletes one line; false when there is no such line.</summary>
    public static (FixtureData Data, bool Deleted) DeleteLine(FixtureData data, int pk) =>
        data.PurchaseLines.Any(l => l.Pk == pk)
            ? (data with { PurchaseLines = [.. data.PurchaseLines.Where(l => l.Pk != pk)] }, true)
            : (data, false);

    [GeneratedRegex(@"^(?<prefix>.*?)(?<n>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingNumber();
}
