using MonitorDashboard.Calculation.Proposals;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Security;

namespace MonitorDashboard.Monitoring.Proposals;

/// <summary>
/// Turns a run's order proposal into Pending purchase orders in InvenTree: one per supplier, its lines by supplier part.
/// Shared by the dashboard and <c>monitor draft-orders</c>. Nothing is ever placed or sent to a supplier.
/// </summary>
/// <remarks>
/// Idempotent per run: every order and line is recorded in the history the moment InvenTree created it, a retry
/// creates only what is missing, and an order is never created twice for the same run and supplier. A refused order
/// or line is reported with InvenTree's reason and the rest goes on; once InvenTree stops answering (or refuses the
/// token) nothing more is sent.
/// </remarks>
public sealed partial class DraftOrders(
    IDraftOrderStore store,
    IInvenTreeOrderWriter writer,
    DraftRecovery recovery,
    DraftingLock drafting,
    TimeProvider time,
    ILogger<DraftOrders> logger)
{
    private const string Action = "create draft purchase orders";

    /// <summary>What everything after a failure that every further request would meet as well says.</summary>
    internal const string NothingMoreSent = "Not sent: after the InvenTree failure above, nothing more was sent.";

    /// <summary>What <see cref="CreateAsync"/> would create now, and what the run created already (from the history only).</summary>
    public async Task<DraftPlan> PlanAsync(DraftRun run, OrderProposal proposal, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(proposal);
        return DraftPlanner.Plan(run, proposal, await store.ForRunAsync(run.RunId, ct));
    }

    /// <summary>Creates what the plan shows as missing, recording each order and line as InvenTree creates it.</summary>
    /// <param name="actor">Who asks; refused unless an admin (the dashboard's user) — the command line is trusted by file access.</param>
    /// <exception cref="ActionRefusedException">The actor may not; nothing was sent or written.</exception>
    public async Task<DraftOutcome> CreateAsync(DraftRun run, OrderProposal proposal, IActingUser actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(actor);
        await actor.RequireAdminAsync(Action);
        using var taken = await drafting.TryTakeAsync(ct);
        if (taken is null)
        {
            return new DraftOutcome(run, [], "Draft orders are being created right now (another click or window); wait until that has finished and look again. Nothing was sent.");
        }
        var plan = await PlanAsync(run, proposal, ct);
        if (!plan.NothingToCreate)
        {
            try
            {
                await recovery.AdoptOrdersAsync(run, [.. plan.Suppliers.Where(s => s.Order is null && s.ToCreate.Count > 0)], ct);
            }
            catch (InvenTreeException ex)
            {
                return new DraftOutcome(run, [],
                    $"Nothing was sent: InvenTree could not be asked which orders of this run it already has ({ex.Message}), and creating them without knowing could create an order twice.");
            }
            plan = await PlanAsync(run, proposal, ct);
        }
        var outcomes = new List<SupplierDraftOutcome>();
        string? stop = null;
        foreach (var supplier in plan.Suppliers.Where(s => s.ToCreate.Count > 0 || proposal.Suppliers.Any(p => p.SupplierPk == s.SupplierPk)))
        {
            var (outcome, stopped) = await DraftSupplierAsync(run, supplier, proposal, stop, ct);
            outcomes.Add(outcome);
            stop ??= stopped;
        }
        var result = new DraftOutcome(run, outcomes);
        LogDrafted(run.RunId, run.ListName, result.OrdersCreated, result.LinesCreated, result.AnyFailed);
        return result;
    }

    /// <returns>The supplier's outcome, and a reason to send nothing more (InvenTree stopped answering) or null.</returns>
    private async Task<(SupplierDraftOutcome Outcome, string? Stop)> DraftSupplierAsync(
        DraftRun run, SupplierDraftPlan supplier, OrderProposal proposal, string? stop, CancellationToken ct)
    {
        var already = AlreadyThere(supplier, proposal);
        if (supplier.ToCreate.Count == 0)
        {
            return (Outcome(supplier, supplier.Order, false, null, already), null);
        }
        if (stop is not null)
        {
            return (Outcome(supplier, supplier.Order, false, supplier.Order is null ? stop : null, [.. already, .. NotSent(supplier, stop)]), null);
        }

        var order = supplier.Order;
        var created = false;
        if (order is null)
        {
            try
            {
                (order, created) = await CreateOrderAsync(run, supplier, ct);
            }
            catch (InvenTreeException ex)
            {
                var why = $"InvenTree refused the order for {supplier.SupplierName}: {ex.Message}";
                return (Outcome(supplier, null, false, why, [.. NotSent(supplier, $"Not sent: the order for {supplier.SupplierName} was not created.")]),
                    StopsAll(ex) ? NothingMoreSent : null);
            }
        }
        else if (await recovery.AdoptLinesAsync(run, supplier, ct) is { } unreadable)
        {
            return (Outcome(supplier, order, false, unreadable, [.. already, .. NotSent(supplier, "Not sent: " + unreadable)]), null);
        }
        else
        {
            // Lines found in InvenTree are recorded now: plan again so they are not sent a second time.
            supplier = DraftPlanner.Plan(run, proposal, await store.ForRunAsync(run.RunId, ct)).Suppliers.First(s => s.SupplierPk == supplier.SupplierPk);
            already = AlreadyThere(supplier, proposal);
        }

        var lines = new List<DraftLineOutcome>(already);
        string? stopped = null;
        foreach (var line in supplier.ToCreate)
        {
            if (stopped is not null)
            {
                lines.Add(new DraftLineOutcome(line, DraftLineResult.NotSent, null, stopped));
                continue;
            }
            var (outcome, stopsAll) = await AddLineAsync(run, supplier, order, line, ct);
            lines.Add(outcome);
            if (stopsAll)
            {
                stopped = NothingMoreSent;
            }
        }
        return (Outcome(supplier, order, created, null, lines), stopped);
    }

    private async Task<(DraftOrderRecord Order, bool Created)> CreateOrderAsync(DraftRun run, SupplierDraftPlan supplier, CancellationToken ct)
    {
        var po = await writer.CreatePendingOrderAsync(supplier.SupplierPk, DraftOrderText.Description(run), ct);
        var record = new DraftOrderRecord(run.RunId, supplier.SupplierPk, supplier.SupplierName, po.Pk, po.Reference, time.GetUtcNow());
        if (await store.AddOrderAsync(record, ct))
        {
            return (record, true);
        }
        // Another process recorded an order for this run and supplier meanwhile: ours is empty, so it goes again.
        var kept = (await store.ForRunAsync(run.RunId, ct)).OrderFor(supplier.SupplierPk)!;
        try
        {
            await writer.DeleteOrderAsync(po.Pk, CancellationToken.None);
            LogDuplicateDeleted(po.Reference, kept.OrderReference, run.RunId);
        }
        catch (InvenTreeException ex)
        {
            LogDuplicateKept(po.Reference, kept.OrderReference, run.RunId, ex.Message);
        }
        return (kept, false);
    }

    private async Task<(DraftLineOutcome Outcome, bool StopsAll)> AddLineAsync(
        DraftRun run, SupplierDraftPlan supplier, DraftOrderRecord order, ProposalLine line, CancellationToken ct)
    {
        try
        {
            var added = await writer.AddLineAsync(order.OrderPk, line.SupplierPartPk, line.Packs, DraftOrderText.LineReference(run), ct);
            await store.RecordLineAsync(Record(run, supplier, line, added.Pk, DraftLineStatus.Created, null), ct);
            return (new DraftLineOutcome(line, DraftLineResult.Created, added.Pk, null), false);
        }
        catch (InvenTreeException ex)
        {
            var why = ex is InvenTreeUnreachableException
                ? ex.Message + " Trying again here reads the order back first, so the line is not added twice."
                : ex.Message;
            await store.RecordLineAsync(Record(run, supplier, line, null, DraftLineStatus.Refused, why), ct);
            LogLineRefused(order.OrderReference, line.PartName, line.SupplierPartPk, why);
            return (new DraftLineOutcome(line, DraftLineResult.Refused, null, why), StopsAll(ex));
        }
    }

    /// <summary>Failures that every further request would meet as well: no answer, a refused token, a write target refused.</summary>
    private static bool StopsAll(InvenTreeException ex) =>
        ex is InvenTreeUnreachableException or InvenTreeUnauthorizedException or InvenTreeWriteRefusedException;

    private DraftLineRecord Record(DraftRun run, SupplierDraftPlan supplier, ProposalLine line, int? linePk, DraftLineStatus status, string? reason) =>
        new(run.RunId, supplier.SupplierPk, line.SupplierPartPk, line.PartPk, line.PartName, line.Sku, line.Packs, linePk, status, reason, time.GetUtcNow());

    /// <summary>The proposal's lines for this supplier that the run's order has already.</summary>
    private static List<DraftLineOutcome> AlreadyThere(SupplierDraftPlan supplier, OrderProposal proposal) =>
        [.. (proposal.Suppliers.FirstOrDefault(p => p.SupplierPk == supplier.SupplierPk)?.Lines ?? [])
            .Select(l => (Line: l, Existing: supplier.Existing.FirstOrDefault(e => e.SupplierPartPk == l.SupplierPartPk)))
            .Where(x => x.Existing is not null)
            .Select(x => new DraftLineOutcome(x.Line, DraftLineResult.AlreadyThere, x.Existing!.LinePk, null))];

    private static IEnumerable<DraftLineOutcome> NotSent(SupplierDraftPlan supplier, string why) =>
        supplier.ToCreate.Select(l => new DraftLineOutcome(l, DraftLineResult.NotSent, null, why));

    private static SupplierDraftOutcome Outcome(
        SupplierDraftPlan supplier, DraftOrderRecord? order, bool created, string? problem, IReadOnlyList<DraftLineOutcome> lines) =>
        new(supplier.SupplierPk, supplier.SupplierName, order, created, problem, lines);

    [LoggerMessage(Level = LogLevel.Information, Message = "Drafted run {RunId} of {ListName}: {Orders} orders and {Lines} lines created, failures: {AnyFailed}")]
    private partial void LogDrafted(Guid runId, string listName, int orders, int lines, bool anyFailed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draft order {Reference}: InvenTree refused the line for {PartName} (supplier part {SupplierPartPk}): {Reason}")]
    private partial void LogLineRefused(string reference, string partName, int supplierPartPk, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleted the empty order {Reference}: run {RunId} already had {Kept} for that supplier (drafted at the same time elsewhere)")]
    private partial void LogDuplicateDeleted(string reference, string kept, Guid runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The empty order {Reference} duplicates {Kept} of run {RunId} and could not be deleted; delete it in InvenTree: {Reason}")]
    private partial void LogDuplicateKept(string reference, string kept, Guid runId, string reason);
}
