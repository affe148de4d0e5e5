using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MonitorDashboard.Calculation;
using MonitorDashboard.Email.Templates;
using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Components.Pages.Calculator;

/// <summary>
/// The Python tool's interactive view. "Exclude optional", "count on order", "replenish to minimum stock" and the "in production" rule change the
/// calculation and re-run it; "hide consumables", "hide optional parts" and "hide suppliers" only filter the finished result (the parts each hidden supplier
/// supplies are fetched once, two requests per supplier), so toggling them costs no new calculation.
/// </summary>
public sealed partial class Calculator : IDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private readonly Dictionary<int, IReadOnlySet<int>> _supplierParts = [];
    private CancellationTokenSource? _running;

    [Inject] public required CalculationService Calculation { get; init; }
    [Inject] public required IInvenTreeClient InvenTree { get; init; }
    [Inject] public required IOptions<InvenTreeOptions> InvenTreeOptions { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required ILogger<Calculator> Logger { get; init; }

    private List<PartRow> Rows { get; set; } = [new()];
    private bool ExcludeOptional { get; set; }
    private bool CountOnOrder { get; set; }
    private bool ReplenishToMinimum { get; set; }
    private bool HideConsumables { get; set; }
    private bool HideOptional { get; set; }
    private InProductionRule InProduction { get; set; } = InProductionRule.Scheduled;
    private IReadOnlyCollection<int> HiddenSuppliers { get; set; } = [];
    private IReadOnlyList<InvenTreeCompany> Suppliers { get; set; } = [];
    private string SupplierHelp { get; set; } = "Filters the parts to order; no recalculation";
    private bool Running => _running is not null;
    private CalculationRun? Run { get; set; }
    private IReadOnlyList<string> Problems { get; set; } = [];
    private string? Error { get; set; }
    private PartLinks Links { get; set; } = PartLinks.None;

    /// <summary>The result as shown: the run's result through the display filters (kept, so tables keep their rows between renders).</summary>
    private CalculationResult? Shown { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Links = PartLinks.From(InvenTreeOptions.Value, apiVersion: null);
        // InvenTree requests only once the circuit is interactive, not again for the prerender.
        if (RendererInfo.IsInteractive)
        {
            await LoadSuppliersAsync();
        }
    }

    private async Task LoadSuppliersAsync()
    {
        try
        {
            Suppliers = (await InvenTree.GetSuppliersAsync(_closing.Token)).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
        }
        catch (InvenTreeException ex)
        {
            LogSuppliersFailed(Logger, ex.Message);
            SupplierHelp = "Suppliers could not be loaded: " + ex.Message;
        }
    }

    private async Task CalculateAsync()
    {
        var parsed = CalculatorModel.ToRequests(Rows);
        Problems = parsed.Errors;
        if (parsed.Errors.Count > 0)
        {
            return; // a half-read list would calculate something nobody asked for
        }
        Error = null;
        using var running = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
        _running = running;
        try
        {
            var options = new CalculationOptions
            {
                ExcludeOptional = ExcludeOptional, CountOnOrder = CountOnOrder, InProduction = InProduction, ReplenishToMinimum = ReplenishToMinimum,
            };
            Run = await Calculation.RunAsync(parsed.Requests, options, running.Token);
            Links = PartLinks.From(InvenTreeOptions.Value, Run.ApiVersion);
            UpdateShown();
        }
        catch (InvenTreeException ex)
        {
            LogRunFailed(Logger, ex, parsed.Requests.Count);
            Error = ex.Message;
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            Error = _closing.IsCancellationRequested ? null : "Calculation cancelled.";
        }
        finally
        {
            _running = null;
        }
    }

    private void Cancel() => _running?.Cancel();

    private async Task SetExcludeOptionalAsync(bool value)
    {
        ExcludeOptional = value;
        await RecalculateAsync();
    }

    private async Task SetCountOnOrderAsync(bool value)
    {
        CountOnOrder = value;
        await RecalculateAsync();
    }

    private async Task SetReplenishToMinimumAsync(bool value)
    {
        ReplenishToMinimum = value;
        await RecalculateAsync();
    }

    private void SetHideConsumables(bool value)
    {
        HideConsumables = value;
        UpdateShown();
    }

    private void SetHideOptional(bool value)
    {
        HideOptional = value;
        UpdateShown();
    }

    private async Task SetInProductionAsync(InProductionRule value)
    {
        InProduction = value;
        await RecalculateAsync();
    }

    private static string InProductionLabel(InProductionRule rule) => rule switch
    {
        InProductionRule.Building => "Building (stock being built)",
        InProductionRule.Legacy => "Legacy (the Python tool's default)",
        _ => "Scheduled to build (default)",
    };

    private static string InProductionHelp(InProductionRule rule) => rule switch
    {
        InProductionRule.Building => "The part's \"building\" figure: quantity of its outputs of active builds",
        InProductionRule.Legacy => "Stock items being built (variants included) + what Pending and Production build orders still have to make",
        _ => "What active build orders still have to make (InvenTree's scheduled_to_build)",
    };

    private Task RecalculateAsync() => Run is not null && !Running ? CalculateAsync() : Task.CompletedTask;

    private async Task SetHiddenSuppliersAsync(IEnumerable<int>? pks)
    {
        HiddenSuppliers = pks?.ToList() ?? [];
        foreach (var pk in HiddenSuppliers.Where(pk => !_supplierParts.ContainsKey(pk)).ToList())
        {
            try
            {
                var parts = await InvenTree.GetSupplierPartsAsync(pk, _closing.Token);
                _supplierParts[pk] = parts.Select(sp => sp.Part).ToHashSet();
            }
            catch (InvenTreeException ex)
            {
                LogSupplierPartsFailed(Logger, pk, ex.Message);
                Error = $"The parts of {SupplierName(pk)} could not be loaded, so they are not hidden: {ex.Message}";
            }
        }
        UpdateShown();
    }

    private void UpdateShown() => Shown = Run is null ? null : ResultFilter.Apply(Run.Result, HideConsumables, HiddenPartPks(), HideOptional);

    private HashSet<int> HiddenPartPks() =>
        HiddenSuppliers.SelectMany(pk => _supplierParts.GetValueOrDefault(pk) ?? new HashSet<int>()).ToHashSet();

    /// <summary>The hidden suppliers by name, as the proposal excludes suppliers.</summary>
    private IReadOnlyList<string> HiddenSupplierNames => HiddenSuppliers.Select(SupplierName).ToList();

    private string SupplierName(int pk) => Suppliers.FirstOrDefault(s => s.Pk == pk)?.Name ?? $"#{pk}";

    private Task AddPastedAsync(IReadOnlyList<PartRequest> requests)
    {
        Rows = CalculatorModel.Merge(Rows, requests);
        return ResolvePkNamesAsync();
    }

    private Task LoadRowsAsync(IReadOnlyList<PartRequest> requests)
    {
        Rows = requests.Count > 0 ? requests.Select(CalculatorModel.ToRow).ToList() : [new()];
        return ResolvePkNamesAsync();
    }

    private Task LoadFileAsync(IReadOnlyList<PartsFileEntry> entries) => LoadRowsAsync(entries.Select(e => e.ToRequest()).ToList());

    /// <summary>Rows given as a pk (presets store pks) show the part's name underneath, so people know what they load.</summary>
    private async Task ResolvePkNamesAsync()
    {
        var pkRows = Rows.Where(r => r.Hint is null && string.IsNullOrWhiteSpace(r.Revision) && CalculatorModel.ParsePk(r.Part) is not null).ToList();
        await Task.WhenAll(pkRows.Select(async row =>
        {
            try
            {
                var part = await InvenTree.GetPartAsync(CalculatorModel.ParsePk(row.Part)!.Value, _closing.Token);
                row.Hint = string.IsNullOrEmpty(part.Revision) ? part.Name : $"{part.Name} (rev {part.Revision})";
            }
            catch (InvenTreeNotFoundException)
            {
                row.Hint = "no such part in InvenTree";
            }
            catch (InvenTreeException ex)
            {
                LogLookupFailed(Logger, row.Part, ex.Message);
            }
        }));
    }

    private Task ExportOrderAsync() => DownloadAsync("parts-to-order", CsvExport.PartsToOrder(Shown?.PartsToOrder ?? []));

    private Task ExportBuildAsync() => DownloadAsync("subassemblies-to-build", CsvExport.SubassembliesToBuild(Shown?.SubassembliesToBuild ?? []));

    private async Task DownloadAsync(string name, string csv)
    {
        var stamp = Time.GetLocalNow().ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture);
        // A byte-order mark, so spreadsheet programs read the UTF-8 names correctly.
        await JS.InvokeVoidAsync("monitorDashboard.download", $"{name}-{stamp}.csv", "text/csv;charset=utf-8", "\uFEFF" + csv);
    }

    private static string Cost(CalculationRun run) =>
        string.Create(CultureInfo.InvariantCulture, $"{run.Requests} requests, {run.Elapsed.TotalSeconds:0.00} s");

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loading suppliers for the calculator failed: {Reason}")]
    private static partial void LogSuppliersFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calculator run for {PartCount} parts failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, int partCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loading the parts of supplier {SupplierPk} failed: {Reason}")]
    private static partial void LogSupplierPartsFailed(ILogger logger, int supplierPk, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Looking up part {Part} for the calculator failed: {Reason}")]
    private static partial void LogLookupFailed(ILogger logger, string part, string reason);
}
