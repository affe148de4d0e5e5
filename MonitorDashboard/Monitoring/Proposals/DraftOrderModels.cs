using MonitorDashboard.Calculation.Proposals;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Monitoring.Proposals;

/// <summary>The run whose proposal is drafted: named in each order's description, and the key of what it already created.</summary>
public sealed record DraftRun(Guid RunId, string ListId, string ListName, DateTimeOffset StartedAt)
{
    public static DraftRun Of(RunSummary run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new DraftRun(run.RunId, run.ListId, run.ListName, run.StartedAt);
    }
}

/// <summary>What drafting the run's proposal would do now: per supplier, the lines to create and what already exists.</summary>
/// <param name="NoSupplier">Parts that cannot be drafted: no eligible supplier part.</param>
public sealed record DraftPlan(DraftRun Run, IReadOnlyList<SupplierDraftPlan> Suppliers, IReadOnlyList<NoSupplierLine> NoSupplier)
{
    /// <summary>True when drafting now would create nothing (everything exists, or nothing is to be ordered).</summary>
    public bool NothingToCreate => Suppliers.All(s => s.ToCreate.Count == 0);

    /// <summary>How many new orders drafting now would create.</summary>
    public int NewOrders => Suppliers.Count(s => s.Order is null && s.ToCreate.Count > 0);

    public int LinesToCreate => Suppliers.Sum(s => s.ToCreate.Count);

    /// <summary>The orders the run created already, to offer instead of creating them again.</summary>
    public IReadOnlyList<DraftOrderRecord> ExistingOrders => [.. Suppliers.Where(s => s.Order is not null).Select(s => s.Order!)];
}

/// <summary>One supplier of the plan.</summary>
/// <param name="Order">The order the run already created for this supplier; null when drafting would create one.</param>
/// <param name="ToCreate">Lines not on the run's order yet (all of them when there is no order).</param>
/// <param name="Existing">Lines the run's order already has (in the history), proposed now or not.</param>
public sealed record SupplierDraftPlan(
    int SupplierPk,
    string SupplierName,
    DraftOrderRecord? Order,
    IReadOnlyList<ProposalLine> ToCreate,
    IReadOnlyList<DraftLineRecord> Existing);

/// <summary>What drafting did, supplier by supplier and line by line.</summary>
/// <param name="Problem">Why nothing at all was tried (drafting already under way, InvenTree could not be asked what
/// exists); null when the suppliers were worked through.</param>
public sealed record DraftOutcome(DraftRun Run, IReadOnlyList<SupplierDraftOutcome> Suppliers, string? Problem = null)
{
    /// <summary>True when anything was refused or not sent: the caller should say so (the CLI exits non-zero).</summary>
    public bool AnyFailed => Problem is not null || Suppliers.Any(s => s.OrderProblem is not null || s.Lines.Any(l => l.Problem is not null));

    public int OrdersCreated => Suppliers.Count(s => s.OrderCreated);

    public int LinesCreated => Suppliers.Sum(s => s.Lines.Count(l => l.Result == DraftLineResult.Created));
}

/// <summary>One supplier's order: created now, existing already, or refused (<see cref="OrderProblem"/> says why).</summary>
/// <param name="Order">The run's order for the supplier; null when it could not be created.</param>
/// <param name="OrderCreated">True when the order was created by this call (false: it existed, or was refused).</param>
public sealed record SupplierDraftOutcome(
    int SupplierPk,
    string SupplierName,
    DraftOrderRecord? Order,
    bool OrderCreated,
    string? OrderProblem,
    IReadOnlyList<DraftLineOutcome> Lines);

/// <summary>What became of one proposed line.</summary>
public enum DraftLineResult
{
    /// <summary>Added to the order now.</summary>
    Created,

    /// <summary>The order already had it (from an earlier call, or found in InvenTree after an answer was lost): left alone.</summary>
    AlreadyThere,

    /// <summary>InvenTree refused it; <see cref="DraftLineOutcome.Problem"/> is InvenTree's reason.</summary>
    Refused,

    /// <summary>Not sent (its order was refused, or InvenTree stopped answering); <see cref="DraftLineOutcome.Problem"/> says why.</summary>
    NotSent,
}

/// <param name="LinePk">InvenTree's line; null unless created or already there.</param>
/// <param name="Problem">Why it was refused or not sent, in words a person understands; null otherwise.</param>
public sealed record DraftLineOutcome(ProposalLine Line, DraftLineResult Result, int? LinePk, string? Problem);
