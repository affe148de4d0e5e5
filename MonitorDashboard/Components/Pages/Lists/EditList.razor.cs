using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Options;
using MonitorDashboard.Components.Actions;
using MonitorDashboard.Cron;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Presets;
using MonitorDashboard.Security;
using MudBlazor;

namespace MonitorDashboard.Components.Pages.Lists;

/// <summary>
/// Create or edit a list. Validation runs on every change with the same rules the CLI and the scheduler
/// use; saving goes through the presets store, so an outside change since the form was opened is refused
/// with the option to reload, and invalid input never reaches presets.json.
/// </summary>
public sealed partial class EditList
{
    private MonitoringList? _original;
    private string _loadedVersion = PresetsSnapshot.MissingFileVersion;
    private string _savedFingerprint = "";
    private bool _leaving;

    [Inject] public required PresetsStore Presets { get; init; }
    [Inject] public required DashboardActions Actions { get; init; }
    [Inject] public required MonitoringListValidator Validator { get; init; }
    [Inject] public required IOptions<ScheduleOptions> Schedule { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }

    [Parameter] public string? ListId { get; set; }

    private ListForm? Form { get; set; }
    private bool IsNew => ListId is null;
    private bool NotFound { get; set; }
    private bool CanEdit { get; set; }
    private bool Saving { get; set; }
    private string? Conflict { get; set; }
    private IReadOnlyList<string> SaveErrors { get; set; } = [];
    private ListValidationResult? Validation { get; set; }
    private string DefaultTimeZone => Schedule.Value.TimeZone;
    private bool IsDirty => Form is not null && !_leaving && Form.Fingerprint() != _savedFingerprint;

    protected override async Task OnParametersSetAsync()
    {
        CanEdit = await Actions.CanChangeAsync();
        var snapshot = await Presets.LoadAsync(CancellationToken.None);
        _loadedVersion = snapshot.Version;
        _original = IsNew ? null : snapshot.FindList(ListId!);
        NotFound = !IsNew && _original is null;
        Form = _original is null ? ListForm.New() : ListForm.From(_original);
        _savedFingerprint = Form.Fingerprint();
        if (!IsNew)
        {
            Validate();
        }
    }

    private void OnChanged()
    {
        Validate();
        StateHasChanged();
    }

    private void Validate()
    {
        if (Form is null)
        {
            return;
        }
        var others = (Presets.Current?.MonitoringLists ?? []).Where(l => _original is null || l.Id != _original.Id).ToList();
        var list = Form.ToList(_original);
        // A new list gets its id from the store when saved; validate it as if it had one.
        Validation = Validator.Validate(_original is null ? list with { Id = "00000000-0000-0000-0000-000000000000" } : list, others);
    }

    /// <summary>The first problem of a field ("parts" covers "parts[0].quantity" too), without the list-name prefix.</summary>
    private string? FieldError(string field) =>
        Validation?.Errors.FirstOrDefault(e => e.Field == field || e.Field.StartsWith(field + "[", StringComparison.Ordinal) || e.Field.StartsWith(field + ".", StringComparison.Ordinal))?.Detail;

    private static Task<IEnumerable<string>> SearchTimeZonesAsync(string? text, CancellationToken cancellationToken)
    {
        var zones = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC");
        IEnumerable<string> matches = string.IsNullOrWhiteSpace(text)
            ? zones.Order(StringComparer.Ordinal)
            : zones.Where(z => z.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal);
        return Task.FromResult(matches);
    }

    private async Task SaveAsync()
    {
        if (Form is null || !CanEdit)
        {
            return;
        }
        Validate();
        if (Validation is { IsValid: false } invalid)
        {
            SaveErrors = invalid.Errors.Select(e => e.Detail).ToList();
            return;
        }
        Saving = true;
        SaveErrors = [];
        try
        {
            var list = Form.ToList(_original);
            if (IsNew)
            {
                await Actions.AddListAsync(list, _loadedVersion, CancellationToken.None);
            }
            else
            {
                await Actions.UpdateListAsync(list, _loadedVersion, CancellationToken.None);
            }
            _savedFingerprint = Form.Fingerprint();
            Snackbar.Add($"Saved \"{list.Name}\"", Severity.Success);
            _leaving = true;
            Navigation.NavigateTo("");
        }
        catch (PresetsConflictException ex)
        {
            Conflict = ex.Message;
        }
        catch (PresetsValidationException ex)
        {
            SaveErrors = ex.Errors.Select(e => e.Detail).ToList();
        }
        catch (Exception ex) when (ex is PresetsException or ActionRefusedException)
        {
            SaveErrors = [ex.Message];
        }
        finally
        {
            Saving = false;
        }
    }

    /// <summary>Takes the file as it is now and keeps what the user typed; the next save is based on it.</summary>
    private async Task ReloadAsync()
    {
        var snapshot = await Presets.LoadAsync(CancellationToken.None);
        _loadedVersion = snapshot.Version;
        if (!IsNew)
        {
            _original = snapshot.FindList(ListId!);
            if (_original is null)
            {
                Conflict = "This list was deleted by someone else meanwhile; saving will create it again.";
                ListId = null;
                return;
            }
        }
        Conflict = null;
        Validate();
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!IsDirty)
        {
            return;
        }
        var leave = await Dialogs.ShowMessageBoxAsync("Unsaved changes", "Leave this page and lose your changes?", yesText: "Leave", cancelText: "Stay");
        if (leave != true)
        {
            context.PreventNavigation();
        }
    }
}
