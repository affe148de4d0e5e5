using Microsoft.AspNetCore.Components;
using MonitorDashboard.Calculation;
using MonitorDashboard.Components.Shared;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Components.Pages.Runs;

/// <summary>
/// Diffs the page's run with another run of the same list (the 50 most recent with a result). Older → newer by
/// default, because that reads like the report ("what changed since"); "swap" reverses it.
/// </summary>
public sealed partial class CompareWith
{
    public const int Recent = 50;

    private Guid? _loadedFor;

    [Inject] public required IRunStore History { get; init; }

    [Parameter, EditorRequired] public required RunRecord Current { get; set; }

    [Parameter, EditorRequired] public required string Zone { get; set; }

    /// <summary>A run to compare with from the start (the page's <c>?compare=</c>).</summary>
    [Parameter] public Guid? Initial { get; set; }

    private IReadOnlyList<RunSummary> Options { get; set; } = [];
    private Guid? Selected { get; set; }
    private RunRecord? Other { get; set; }
    private bool Reversed { get; set; }
    private RunRecord? Older { get; set; }
    private RunRecord? Newer { get; set; }
    private ResultChanges? Changes { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == Current.Summary.RunId)
        {
            return;
        }
        _loadedFor = Current.Summary.RunId;
        var recent = await History.ListAsync(Current.Summary.ListId, 0, Recent + 1, CancellationToken.None);
        // A run without a hash has no result (failed or missed): nothing to diff.
        Options = recent.Where(r => r.RunId != Current.Summary.RunId && r.Hash is not null).Take(Recent).ToList();
        Other = null;
        Selected = null;
        Reversed = false;
        if (Initial is { } initial && initial != Current.Summary.RunId)
        {
            await SelectAsync(initial);
        }
    }

    private async Task SelectAsync(Guid? runId)
    {
        Selected = runId;
        Other = runId is { } id ? await History.GetAsync(id, CancellationToken.None) : null;
        if (Other?.Result is null)
        {
            Other = null;
        }
        Reversed = false;
        Recompute();
    }

    private void Swap()
    {
        Reversed = !Reversed;
        Recompute();
    }

    private void Recompute()
    {
        if (Other is null || Current.Result is null)
        {
            (Older, Newer, Changes) = (null, null, null);
            return;
        }
        var otherIsOlder = Other.Summary.StartedAt <= Current.Summary.StartedAt;
        (Older, Newer) = otherIsOlder ^ Reversed ? (Other, Current) : (Current, Other);
        Changes = ResultDiff.Compare(Older.Result, Newer.Result!);
    }

    private string Describe(Guid? runId) =>
        runId is { } id && Options.FirstOrDefault(r => r.RunId == id) is { } run ? Label(run) : "";

    private string Label(RunSummary run) =>
        $"{TimeText.Local(run.StartedAt, Zone)} · {RunOutcomeText.Label(run.Outcome)}{(run.RunId == Current.Summary.RunId ? " (this run)" : "")}";
}
