namespace MonitorDashboard.Calculation;

/// <summary>How much of a purchaseable part's order covers the demand and how much brings its stock back to minimum.</summary>
/// <param name="ForDemand">What the demand needs: today's "to order", unchanged by replenishment.</param>
/// <param name="Replenishment">What is ordered on top so that the part is back at its minimum stock; 0 when the option is off.</param>
public sealed record OrderQuantity(decimal ForDemand, decimal Replenishment)
{
    public decimal Total => ForDemand + Replenishment;
}

/// <summary>
/// The one rule for what to order of a purchaseable part (inventree.md §3, plus the "replenish to minimum stock" option).
/// <list type="bullet">
/// <item>coming = the part's <c>ordering</c> when "count parts on order" is on, else 0 — one switch for both halves, so
/// parts on order count against the minimum exactly when they count against the demand.</item>
/// <item>for demand = max(0, gross − available − coming) — what the calculation has always ordered.</item>
/// <item>with replenishment: total = max(0, gross + minimum_stock − available − coming), so that available − gross +
/// total + coming = minimum_stock (available after the demand is back at the minimum); replenishment = total − for demand.
/// A part with no minimum (0), or one still at or above its minimum after the demand, gets no replenishment.</item>
/// </list>
/// Only purchaseable parts are replenished: an assembly below its minimum stays a critical part, since building it to
/// stock would be a production decision that drags its whole BOM into the order.
/// </summary>
public static class ReplenishmentRule
{
    /// <param name="gross">All demand on the part, netted once (top level plus what every parent's build requires).</param>
    /// <param name="available">total_in_stock − required for build orders − required for sales orders (may be negative).</param>
    /// <param name="ordering">The part's <c>ordering</c> (open purchase orders).</param>
    public static OrderQuantity For(
        decimal gross, decimal available, decimal ordering, decimal minimumStock, bool countOnOrder, bool replenish)
    {
        var coming = countOnOrder ? ordering : 0m;
        var forDemand = Math.Max(0m, gross - available - coming);
        if (!replenish || minimumStock <= 0m)
        {
            return new OrderQuantity(forDemand, 0m);
        }
        var total = Math.Max(0m, gross + minimumStock - available - coming);
        return new OrderQuantity(forDemand, total - forDemand);
    }
}
