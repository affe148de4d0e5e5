namespace MonitorDashboard.Monitoring.History;

/// <summary>
/// The purchase orders drafted in InvenTree from runs, in the history database: what a run already created, so it is
/// never created twice. Each order and line is written the moment InvenTree answered, one statement each.
/// </summary>
public interface IDraftOrderStore
{
    /// <summary>The run's drafted orders and lines (none when it has drafted nothing).</summary>
    Task<RunDraftOrders> ForRunAsync(Guid runId, CancellationToken ct);

    /// <summary>
    /// Records an order InvenTree created. False (and nothing written) when the run already has an order for that
    /// supplier: the one recorded first stays the run's order.
    /// </summary>
    Task<bool> AddOrderAsync(DraftOrderRecord order, CancellationToken ct);

    /// <summary>
    /// Records a line's outcome, replacing an earlier refusal of the same supplier part on the same order; a created
    /// line is kept as it is (a later refusal does not undo it). A created line also drops the refusals of the same part
    /// through another supplier part on that order (the proposal chose another supplier part since).
    /// </summary>
    Task RecordLineAsync(DraftLineRecord line, CancellationToken ct);
}
