namespace MonitorDashboard.Calculation.Proposals;

/// <summary>
/// Rule: the need is rounded UP to a whole number of packs (<c>pack_quantity_native</c> part units each). A pack size of
/// 1, or 0/negative (unset or nonsense), means no rounding: one pack is one part unit and the need is ordered as it is.
/// </summary>
public static class PackRounding
{
    /// <summary>The pack size in force: <paramref name="packQuantityNative"/>, or 1 when it is not positive.</summary>
    public static decimal PackSize(decimal packQuantityNative) => packQuantityNative > 0 ? packQuantityNative : 1;

    /// <summary>How many packs to order (a purchase order line's quantity, in supplier-part units) for <paramref name="need"/> part units.</summary>
    public static decimal Packs(decimal need, decimal packQuantityNative)
    {
        var pack = PackSize(packQuantityNative);
        return pack == 1 ? need : Math.Ceiling(need / pack);
    }
}
