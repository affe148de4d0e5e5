namespace MonitorDashboard.Monitoring.Proposals;

/// <summary>The words for a draft plan, shared by the dashboard's confirmation and <c>monitor draft-orders</c>.</summary>
public static class DraftPlanText
{
    /// <summary>"2 Pending purchase orders and 3 lines" (new orders; lines include those added to existing orders).</summary>
    public static string Summary(DraftPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return (plan.NewOrders == 1 ? "1 Pending purchase order" : $"{plan.NewOrders} Pending purchase orders") + $" and {Lines(plan.LinesToCreate)}";
    }

    public static string Lines(int count) => count == 1 ? "1 line" : $"{count} lines";
}
