using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using MonitorDashboard.Calculation.Proposals;
using MonitorDashboard.Components.Actions;
using MonitorDashboard.Email.Templates;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Monitoring.Proposals;
using MonitorDashboard.Security;

namespace MonitorDashboard.Components.Pages.Runs.Proposal;

/// <summary>
/// A run's draft purchase orders: the ones it created (linked to InvenTree when <c>INVENTREE_INSTANCE_URL</c> is set),
/// and for admins "Create draft orders" — a confirmation listing exactly what will be created, then the outcome line by
/// line. The proposal comes from the page (it read InvenTree once); the admin check runs again when the action runs.
/// </summary>
public sealed partial class DraftOrdersPanel : IDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private DraftPlan? _plan;
    private bool _canCreate;
    private bool _busy;
    private DraftOutcome? _outcome;
    private string? _message;

    [Inject] public required DraftOrderActions Actions { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required IOptions<InvenTreeOptions> InvenTreeOptions { get; init; }
    [Inject] public required InvenTreeServerVersion ServerVersion { get; init; }

    /// <summary>The run whose proposal this is.</summary>
    [Parameter, EditorRequired] public required DraftRun Run { get; set; }

    /// <summary>The run's order proposal, as the page shows it.</summary>
    [Parameter, EditorRequired] public required OrderProposal Proposal { get; set; }

    private PartLinks Links => PartLinks.From(InvenTreeOptions.Value, ServerVersion.ApiVersion);

    protected override async Task OnParametersSetAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }
        _canCreate = await Actions.CanCreateAsync();
        _plan = await Actions.PlanAsync(Run, Proposal, _closing.Token);
    }

    private async Task CreateAsync()
    {
        _message = null;
        // Planned again: another window may have drafted meanwhile, and the confirmation must list what happens now.
        var plan = await Actions.PlanAsync(Run, Proposal, _closing.Token);
        _plan = plan;
        if (plan.NothingToCreate)
        {
            return;
        }
        var dialog = await Dialogs.ShowAsync<DraftOrdersDialog>("Create draft purchase orders",
            new DialogParameters<DraftOrdersDialog> { { d => d.Plan, plan } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is not { Canceled: false })
        {
            return;
        }
        _busy = true;
        StateHasChanged();
        try
        {
            _outcome = await Actions.CreateAsync(Run, Proposal, _closing.Token);
            _message = _outcome.Problem;
        }
        catch (ActionRefusedException ex)
        {
            _outcome = null;
            _message = ex.Message;
            _canCreate = await Actions.CanCreateAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // E.g. the history database could not be written. What InvenTree created is found again by the next attempt.
            _outcome = null;
            _message = $"Drafting stopped: {ex.Message}. The orders below are what the history knows; creating again adds only what is missing.";
        }
        finally
        {
            _busy = false;
        }
        _plan = await Actions.PlanAsync(Run, Proposal, _closing.Token);
    }

    private static string Heading(SupplierDraftOutcome supplier) => supplier switch
    {
        { Order: { } order, OrderCreated: true } => $"Created {order.OrderReference} for {supplier.SupplierName}",
        { Order: { } order } => $"{order.OrderReference} for {supplier.SupplierName}",
        _ => $"Not created: the order for {supplier.SupplierName}: {supplier.OrderProblem}",
    };

    private static string LineText(DraftLineOutcome line)
    {
        var what = $"{line.Line.PartName}: {line.Line.Packs.ToString("0.####", CultureInfo.InvariantCulture)} × supplier part {line.Line.SupplierPartPk}";
        return line.Result switch
        {
            DraftLineResult.Created => $"{what} — added",
            DraftLineResult.AlreadyThere => $"{what} — already on the order",
            DraftLineResult.Refused => $"{what} — refused: {line.Problem}",
            _ => $"{what} — {line.Problem}",
        };
    }

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}
