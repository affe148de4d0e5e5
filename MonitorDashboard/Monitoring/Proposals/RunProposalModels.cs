using MonitorDashboard.Calculation.Proposals;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Monitoring.Proposals;

/// <summary>Whether a run's order proposal could be built, and if not, why.</summary>
public enum RunProposalStatus
{
    /// <summary><see cref="RunProposal.Proposal"/> is set.</summary>
    Ready,
    /// <summary>No run with that id in the history (never recorded, or trimmed by retention).</summary>
    RunUnknown,
    /// <summary>The run calculated nothing (it failed, was missed or interrupted).</summary>
    NoResult,
    /// <summary>The list has no run with a result in the history.</summary>
    NoRunWithResult,
    /// <summary>InvenTree could not be asked for supplier parts, prices or open orders.</summary>
    InvenTreeFailed,
}

/// <summary>
/// The order proposal of one run, or the reason in words a person understands why there is none (never a secret:
/// InvenTree's error texts name paths, not tokens).
/// </summary>
/// <param name="Run">The run; null when it is unknown.</param>
/// <param name="Proposal">Set when <see cref="Status"/> is <see cref="RunProposalStatus.Ready"/>.</param>
/// <param name="Problem">Why there is no proposal; null when there is one.</param>
/// <param name="OptionsNote">Set when the list's options could not be used (list deleted, presets.json unusable), so
/// the proposal was built with the default options.</param>
public sealed record RunProposal(
    RunProposalStatus Status,
    Guid? RunId,
    RunSummary? Run,
    OrderProposal? Proposal,
    string? Problem,
    string? OptionsNote)
{
    public string? ListId => Run?.ListId;

    public string? ListName => Run?.ListName;
}
