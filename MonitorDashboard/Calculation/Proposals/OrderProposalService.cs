using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Calculation.Proposals;

/// <summary>Builds the <see cref="OrderProposal"/> of a calculation result, reading its parts' purchasing data from InvenTree.</summary>
public sealed class OrderProposalService(PurchasingReader purchasingReader)
{
    /// <param name="options">The options the result was calculated with: its excluded suppliers are respected.</param>
    public async Task<OrderProposal> BuildAsync(CalculationResult result, CalculationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var rows = result.PartsToOrder.Where(r => r.ToOrder > 0).ToList();
        if (rows.Count == 0)
        {
            return OrderProposal.Empty;
        }
        var purchasing = await purchasingReader.ReadAsync([.. rows.Select(r => r.Pk).Distinct()], cancellationToken);
        return OrderProposalBuilder.Build(rows, purchasing, options.ExcludeSuppliers);
    }
}
