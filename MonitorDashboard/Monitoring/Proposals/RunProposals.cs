using MonitorDashboard.Calculation;
using MonitorDashboard.Calculation.Proposals;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Monitoring.Proposals;

/// <summary>
/// The order proposal of a recorded run: its stored result, proposed with the list's current options (the excluded
/// suppliers), from InvenTree's purchasing data as it is now. Shared by the run's proposal page and <c>monitor proposal</c>.
/// </summary>
public sealed partial class RunProposals(
    IRunStore history,
    PresetsStore presets,
    OrderProposalService proposals,
    ILogger<RunProposals> logger)
{
    /// <summary>How many runs are read per page while looking for the latest one with a result.</summary>
    private const int PageSize = 50;

    public async Task<RunProposal> ForRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        var run = await history.GetAsync(runId, cancellationToken);
        if (run is null)
        {
            return new RunProposal(RunProposalStatus.RunUnknown, runId, null, null,
                $"There is no run {runId} in the history: it was never recorded, or it is older than the runs kept.", null);
        }
        if (run.Result is null)
        {
            return new RunProposal(RunProposalStatus.NoResult, runId, run.Summary, null,
                $"This run of '{run.Summary.ListName}' calculated nothing ({RunOutcomeText.Label(run.Summary.Outcome)}), so there is nothing to propose.", null);
        }
        return await BuildAsync(run.Summary, run.Result, cancellationToken);
    }

    /// <summary>The proposal of the list's newest run that has a result (failed, missed and interrupted runs have none).</summary>
    public async Task<RunProposal> ForLatestRunAsync(string listId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listId);
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await history.ListAsync(listId, offset, PageSize, cancellationToken);
            foreach (var summary in page.Where(s => s.Hash is not null))
            {
                // The hash is written with the result; a run that has one has a result.
                if (await history.GetAsync(summary.RunId, cancellationToken) is { Result: { } result } run)
                {
                    return await BuildAsync(run.Summary, result, cancellationToken);
                }
            }
            if (page.Count < PageSize)
            {
                return new RunProposal(RunProposalStatus.NoRunWithResult, null, null, null,
                    "The list has no run with a result in the history yet; run a check first.", null);
            }
        }
    }

    private async Task<RunProposal> BuildAsync(RunSummary run, CalculationResult result, CancellationToken cancellationToken)
    {
        var (options, note) = await OptionsOfAsync(run, cancellationToken);
        try
        {
            var proposal = await proposals.BuildAsync(result, options, cancellationToken);
            return new RunProposal(RunProposalStatus.Ready, run.RunId, run, proposal, null, note);
        }
        catch (InvenTreeException ex)
        {
            var reason = RunReasons.InvenTreeFailed(ex);
            LogInvenTreeFailed(run.RunId, reason);
            return new RunProposal(RunProposalStatus.InvenTreeFailed, run.RunId, run, null,
                $"InvenTree could not be asked for supplier parts, prices and open orders: {reason}", note);
        }
    }

    /// <summary>The list's options as they are now; the defaults (and a note saying so) when the list cannot be found.</summary>
    private async Task<(CalculationOptions Options, string? Note)> OptionsOfAsync(RunSummary run, CancellationToken cancellationToken)
    {
        PresetsSnapshot snapshot;
        try
        {
            snapshot = presets.Current ?? await presets.LoadAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (CalculationOptions.Default, $"presets.json could not be read ({ex.Message}); the proposal uses the default options.");
        }
        if (snapshot.FileError is { } error)
        {
            return (CalculationOptions.Default, $"presets.json cannot be used ({error}); the proposal uses the default options.");
        }
        return snapshot.FindList(run.ListId) is { } list
            ? (ListCalculationOptions.For(list), null)
            : (CalculationOptions.Default, $"The list '{run.ListName}' no longer exists; the proposal uses the default options.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The order proposal of run {RunId} could not be built: {Reason}")]
    private partial void LogInvenTreeFailed(Guid runId, string reason);
}
