using Microsoft.Extensions.DependencyInjection;
using MonitorDashboard.Calculation;
using MonitorDashboard.Calculation.Proposals;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Calculation.Proposals;

/// <summary>
/// The whole path over HTTP: the sample catalog's calculation (SAMPLE_CATALOG.md, Master Assembly ×60 + Widget Assembly@B ×5),
/// then its proposal read from the emulator's supplier parts, price breaks and open orders.
/// </summary>
public sealed class OrderProposalServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sample_catalog_proposal_uses_the_primary_modem_supplier_packs_and_price_breaks()
    {
        await using var harness = await InvenTreeHarness.StartAsync();
        var run = await harness.Calculation.RunAsync(
            [new("Master Assembly", null, null, 60), new("Widget Assembly", "B", null, 5)], CalculationOptions.Default, Ct);
        var service = harness.Services.GetRequiredService<OrderProposalService>(); // as AddCalculation registers it

        var proposal = await service.BuildAsync(run.Result, CalculationOptions.Default, Ct);

        var lines = proposal.Suppliers.SelectMany(s => s.Lines).ToDictionary(l => l.PartPk);
        // #160 LTE Modem, to order 44: Northwind 340 is primary; 44 units ≥ the break of 10 → 34.90; 40 already on PO-0001.
        Assert.Equal((340, SupplierPartChoice.Primary, 44m, 34.90m, 1535.60m, 40m),
            (lines[160].SupplierPartPk, lines[160].Choice, lines[160].Packs, lines[160].UnitPrice, lines[160].LinePrice, lines[160].OnOrder));
        // #130 MCU, to order 11: below the break of 25 → 6.40 × 11 = 70.40.
        Assert.Equal((11m, 6.40m, 70.40m), (lines[130].Packs, lines[130].UnitPrice, lines[130].LinePrice));
        // #185 M3x8 Screw A2, to order 248: 3 packs of 100 at 4.20 = 12.60; 5 packs (500) on PO-0003.
        Assert.Equal((248m, 3m, 300m, 4.20m, 12.60m, 500m),
            (lines[185].ToOrder, lines[185].Packs, lines[185].Quantity, lines[185].UnitPrice, lines[185].LinePrice, lines[185].OnOrder));
        Assert.Equal(run.Result.PartsToOrder.Count, lines.Count + proposal.NoSupplier.Count);
        Assert.Equal(proposal.Suppliers.Select(s => s.SupplierName).Order(StringComparer.OrdinalIgnoreCase), proposal.Suppliers.Select(s => s.SupplierName));
        var northwind = proposal.Suppliers.Single(s => s.SupplierName == "Northwind Modules Inc.");
        Assert.Contains(new ProposalTotal("EUR", 1535.60m), northwind.Totals);
    }
}
