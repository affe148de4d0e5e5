using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MonitorDashboard.Calculation.Proposals;

namespace MonitorDashboard.Components.Shared;

/// <summary>An order proposal by supplier, with a CSV download per group when <see cref="CsvName"/> is given.</summary>
public sealed partial class OrderProposalView
{
    [Inject] public required IJSRuntime JS { get; init; }

    [Parameter, EditorRequired] public required OrderProposal Proposal { get; set; }

    /// <summary>The start of the CSV files' names ("order-proposal-production-plan-2025-03-30-0700"); no downloads when null.</summary>
    [Parameter] public string? CsvName { get; set; }

    private Task DownloadAsync(SupplierProposal supplier) =>
        DownloadAsync(supplier.SupplierName, ProposalCsv.Supplier(supplier));

    private Task DownloadNoSupplierAsync() => DownloadAsync("no supplier", ProposalCsv.NoSupplier(Proposal.NoSupplier));

    private async Task DownloadAsync(string group, string csv) =>
        // A byte-order mark, so spreadsheet programs read the UTF-8 names correctly (as the calculator's exports).
        await JS.InvokeVoidAsync("monitorDashboard.download", ProposalCsv.FileName(CsvName ?? "order-proposal", group) + ".csv",
            "text/csv;charset=utf-8", "\uFEFF" + csv);

    private static string Lines(int count) => count == 1 ? "1 line" : $"{count} lines";

    private static string Price(decimal? value) => value is { } price ? ProposalText.Price(price) : "—";
}
