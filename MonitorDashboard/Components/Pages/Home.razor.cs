using Microsoft.AspNetCore.Components;
using MonitorDashboard.Calculation;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Monitoring.Cron;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Components.Pages;

/// <summary>
/// The monitoring lists of presets.json, each calculated against InvenTree when the page opens.
/// (The live lists grid with scheduling state replaces this view once the engine exists.)
/// </summary>
public sealed partial class Home : IDisposable
{
    private readonly CancellationTokenSource _closing = new();

    [Inject] public required PresetsStore Presets { get; init; }
    [Inject] public required CalculationService Calculation { get; init; }
    [Inject] public required ILogger<Home> Logger { get; init; }

    private PresetsSnapshot? Snapshot { get; set; }
    private List<ListRow> Rows { get; } = [];

    protected override async Task OnInitializedAsync()
    {
        // Calculations cost InvenTree requests: only once the circuit is interactive, not again for the prerender.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }
        Snapshot = Presets.Current ?? await Presets.LoadAsync(_closing.Token);
        Rows.AddRange(Snapshot.MonitoringLists.Select(l => new ListRow(l, Describe(l))));
        StateHasChanged();
        foreach (var row in Rows)
        {
            await CalculateAsync(row);
            StateHasChanged();
        }
    }

    private async Task CalculateAsync(ListRow row)
    {
        var requests = row.List.Parts.Select(p => new PartRequest(p.Name, p.Version, null, p.Quantity)).ToList();
        try
        {
            row.Run = await Calculation.RunAsync(requests, CalculationOptions.Default, _closing.Token);
        }
        catch (InvenTreeException ex)
        {
            Logger.LogWarning(ex, "Calculating list {ListId} for the home page failed", row.List.Id);
            row.Error = ex.Message;
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            // The user left the page.
        }
    }

    private static string Describe(MonitoringList list)
    {
        var text = CronDescriber.Describe(list.CronSchedule) ?? "invalid schedule";
        return $"{list.CronSchedule} — {text} ({(string.IsNullOrEmpty(list.TimeZone) ? "default time zone" : list.TimeZone)})";
    }

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }

    private sealed class ListRow(MonitoringList list, string schedule)
    {
        public MonitoringList List { get; } = list;
        public string Schedule { get; } = schedule;
        public CalculationRun? Run { get; set; }
        public string? Error { get; set; }
    }
}
