using System.Globalization;
using Microsoft.AspNetCore.Components;
using MonitorDashboard.Calculation;
using MonitorDashboard.Calculation.Proposals;
using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Components.Pages.Calculator;

/// <summary>
/// The proposal of the calculator's result. A new result (recalculated or filtered) drops the old proposal: it would
/// describe other numbers.
/// </summary>
public sealed partial class CalculatorProposal : IDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private CalculationResult? _proposedFor;

    [Inject] public required OrderProposalService Proposals { get; init; }
    [Inject] public required ILogger<CalculatorProposal> Logger { get; init; }
    [Inject] public required TimeProvider Time { get; init; }

    /// <summary>The result as the calculator shows it.</summary>
    [Parameter, EditorRequired] public required CalculationResult Result { get; set; }

    /// <summary>The names of the suppliers the calculator hides: none of their supplier parts is proposed.</summary>
    [Parameter] public IReadOnlyList<string> ExcludedSuppliers { get; set; } = [];

    private OrderProposal? Proposal { get; set; }
    private string CsvName { get; set; } = "order-proposal-calculator";
    private bool Building { get; set; }
    private string? Error { get; set; }

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_proposedFor, Result))
        {
            Proposal = null;
            Error = null;
        }
    }

    private async Task BuildAsync()
    {
        Building = true;
        Error = null;
        var result = Result;
        try
        {
            var proposal = await Proposals.BuildAsync(result, new CalculationOptions { ExcludeSuppliers = ExcludedSuppliers }, _closing.Token);
            if (ReferenceEquals(result, Result))
            {
                (Proposal, _proposedFor) = (proposal, result);
                CsvName = "order-proposal-calculator-" + Time.GetLocalNow().ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture);
            }
        }
        catch (InvenTreeException ex)
        {
            LogProposalFailed(Logger, ex.Message);
            Error = "InvenTree could not be asked for supplier parts, prices and open orders: " + ex.Message;
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            // The page was closed.
        }
        finally
        {
            Building = false;
        }
    }

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The calculator's order proposal failed: {Reason}")]
    private static partial void LogProposalFailed(ILogger logger, string reason);
}
