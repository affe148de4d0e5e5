using Microsoft.AspNetCore.Components;
using MonitorDashboard.Components.Actions;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Security;
using MudBlazor;

namespace MonitorDashboard.Components.Shared;

public sealed partial class RunNowButton : IDisposable
{
    private IDisposable? _subscription;
    private bool _starting;

    [Inject] public required RunActions Actions { get; init; }
    [Inject] public required MonitorState State { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }

    [Parameter, EditorRequired] public required string ListId { get; set; }

    [Parameter, EditorRequired] public required string ListName { get; set; }

    /// <summary>True when the list cannot run (invalid); the button shows but does nothing.</summary>
    [Parameter] public bool Disabled { get; set; }

    /// <summary>An icon with a tooltip instead of a labelled button (one per row of the lists grid).</summary>
    [Parameter] public bool Compact { get; set; }

    /// <summary>Called after the check finished, with what it did.</summary>
    [Parameter] public EventCallback<CheckOutcome> OnCompleted { get; set; }

    private bool IsAdmin { get; set; }

    private bool Busy => _starting || State.IsRunning(ListId);

    protected override async Task OnInitializedAsync()
    {
        IsAdmin = await Actions.CanRunAsync();
        // A run of this list started elsewhere (schedule, CLI, another browser) disables the button too.
        _subscription = State.Subscribe(change =>
        {
            if (change is RunStarted s && Same(s.ListId) || change is RunFinished f && Same(f.Run.ListId) || change is ListsChanged)
            {
                _ = InvokeAsync(StateHasChanged);
            }
        });
    }

    private bool Same(string listId) => string.Equals(listId, ListId, StringComparison.OrdinalIgnoreCase);

    private async Task RunAsync()
    {
        if (!IsAdmin || Busy || Disabled)
        {
            return;
        }
        _starting = true;
        try
        {
            var outcome = await Actions.RunNowAsync(ListId);
            Snackbar.Add($"{ListName}: {outcome.Message}", SeverityOf(outcome));
            await OnCompleted.InvokeAsync(outcome);
        }
        catch (ActionRefusedException ex)
        {
            Snackbar.Add($"{ListName}: {ex.Message}", Severity.Error);
        }
        catch (OperationCanceledException)
        {
            Snackbar.Add($"{ListName}: cancelled, the app is stopping", Severity.Warning);
        }
        catch (Exception ex)
        {
            // Never let a failed run break the browser session: the engine records what it can; the user reads why here.
            Snackbar.Add($"{ListName}: the run could not be started: {ex.Message}", Severity.Error);
        }
        finally
        {
            _starting = false;
        }
    }

    /// <summary>Same reading as the lists page: a recorded failure is an error, a completed check a success.</summary>
    public static Severity SeverityOf(CheckOutcome outcome) => outcome switch
    {
        { Status: CheckStatus.Completed, Run.Summary.Outcome: RunOutcome.Failed or RunOutcome.EmailFailed } => Severity.Error,
        { Status: CheckStatus.Completed, Run.Summary.Outcome: RunOutcome.SentHashNotSaved or RunOutcome.Interrupted or RunOutcome.Missed } => Severity.Warning,
        { Status: CheckStatus.Error } => Severity.Error,
        { Status: CheckStatus.Completed } => Severity.Success,
        { Status: CheckStatus.AlreadyRunning } => Severity.Info,
        _ => Severity.Warning,
    };

    public void Dispose() => _subscription?.Dispose();
}
