using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using MonitorDashboard.Cron;
using MonitorDashboard.Monitoring.Proposals;
using MonitorDashboard.Monitoring.State;

namespace MonitorDashboard.Components.Pages.Runs.Proposal;

/// <summary>
/// A run's order proposal: its parts to order by supplier, from the stored result and InvenTree's purchasing data as it
/// is now. Read once the circuit is live (not again for the prerender, which would ask InvenTree twice).
/// </summary>
public sealed partial class ProposalPage : IDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private Guid? _loadedFor;

    [Inject] public required RunProposals Proposals { get; init; }
    [Inject] public required MonitorState State { get; init; }
    [Inject] public required IOptions<ScheduleOptions> Schedule { get; init; }

    [Parameter] public Guid RunId { get; set; }

    private RunProposal? Proposal { get; set; }

    private string Zone => (Proposal?.ListId is { } listId ? State.Find(listId)?.TimeZone : null) ?? Schedule.Value.TimeZone;

    private string Heading => Proposal?.Status switch
    {
        RunProposalStatus.RunUnknown => "Run not found",
        RunProposalStatus.NoResult => "This run has no result",
        RunProposalStatus.InvenTreeFailed => "InvenTree could not be reached",
        _ => "No proposal",
    };

    private string Icon => Proposal?.Status switch
    {
        RunProposalStatus.RunUnknown => Icons.Material.Filled.SearchOff,
        RunProposalStatus.InvenTreeFailed => Icons.Material.Filled.CloudOff,
        _ => Icons.Material.Filled.Info,
    };

    protected override async Task OnParametersSetAsync()
    {
        if (!RendererInfo.IsInteractive || _loadedFor == RunId)
        {
            return;
        }
        _loadedFor = RunId;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        Proposal = null;
        StateHasChanged();
        Proposal = await Proposals.ForRunAsync(RunId, _closing.Token);
    }

    /// <summary>"order-proposal-production-plan-2025-03-30-0700" (the run's start, UTC): files of two runs never share a name.</summary>
    private string CsvName => Proposal?.Run is { } run
        ? $"order-proposal-{run.ListName}-{run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture)}"
        : "order-proposal";

    private static string Parts(int count) => count == 1 ? "1 part" : $"{count} parts";

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}
