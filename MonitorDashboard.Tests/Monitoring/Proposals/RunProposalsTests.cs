using Microsoft.Extensions.DependencyInjection;
using MonitorDashboard.Calculation;
using MonitorDashboard.Calculation.Proposals;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Proposals;
using MonitorDashboard.Tests.Monitoring.History;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.Proposals;

/// <summary>
/// A run's order proposal as the run page and <c>monitor proposal</c> get it: recorded runs of the sample catalog's
/// production list (history on disk, InvenTree emulator over HTTP), with the services registered as the app does.
/// </summary>
public sealed class RunProposalsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RunProposals ProposalsOf(EngineHarness engine) => engine.Services.GetRequiredService<RunProposals>();

    [Fact]
    public async Task A_recorded_run_gets_the_proposal_of_its_stored_result_and_a_deleted_list_falls_back_to_default_options()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()));
        var run = (await engine.RunAsync(EngineLists.ProductionId)).Run!;
        var expected = await engine.Services.GetRequiredService<OrderProposalService>().BuildAsync(run.Result!, CalculationOptions.Default, Ct);

        var proposal = await ProposalsOf(engine).ForRunAsync(run.Summary.RunId, Ct);

        Assert.Equal((RunProposalStatus.Ready, null, null), (proposal.Status, proposal.Problem, proposal.OptionsNote));
        Assert.Equal((EngineLists.ProductionId, EngineLists.ProductionName), (proposal.ListId, proposal.ListName));
        Assert.Equal(run.Summary.RunId, proposal.Run!.RunId);
        Assert.Equal(RunSamples.Json(expected), RunSamples.Json(proposal.Proposal));
        // SAMPLE_CATALOG's production plan: the LTE modem (#160, 44 to order) from its primary supplier part, 40 on PO-0001.
        var modem = proposal.Proposal!.Suppliers.SelectMany(s => s.Lines).Single(l => l.PartPk == 160);
        Assert.Equal((340, SupplierPartChoice.Primary, 44m, 40m), (modem.SupplierPartPk, modem.Choice, modem.Packs, modem.OnOrder));
        Assert.Equal(19, proposal.Proposal.Suppliers.Sum(s => s.Lines.Count) + proposal.Proposal.NoSupplier.Count);

        await engine.Presets.DeleteListAsync(EngineLists.ProductionId, engine.Presets.Current!.Version, Ct);
        var orphan = await ProposalsOf(engine).ForRunAsync(run.Summary.RunId, Ct);

        Assert.Equal(RunProposalStatus.Ready, orphan.Status);
        Assert.Equal("The list 'Production plan' no longer exists; the proposal uses the default options.", orphan.OptionsNote);
        Assert.Equal(RunSamples.Json(expected), RunSamples.Json(orphan.Proposal));
    }

    [Fact]
    public async Task Unknown_runs_and_runs_without_a_result_say_why_and_the_latest_run_with_a_result_is_found_behind_a_failed_one()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production(), EngineLists.SensorBoards()));
        var proposals = ProposalsOf(engine);
        var succeeded = (await engine.RunAsync(EngineLists.ProductionId)).Run!.Summary;
        engine.Emulator.Faults.FailureRate = 1.0;
        var failed = (await engine.RunAsync(EngineLists.ProductionId)).Run!.Summary;
        engine.Emulator.Faults.Reset();
        Assert.Equal(RunOutcome.Failed, failed.Outcome);

        var unknownId = Guid.NewGuid();
        var unknown = await proposals.ForRunAsync(unknownId, Ct);
        Assert.Equal((RunProposalStatus.RunUnknown, null, null), (unknown.Status, unknown.Run, unknown.Proposal));
        Assert.Equal($"There is no run {unknownId} in the history: it was never recorded, or it is older than the runs kept.", unknown.Problem);

        var noResult = await proposals.ForRunAsync(failed.RunId, Ct);
        Assert.Equal((RunProposalStatus.NoResult, null), (noResult.Status, noResult.Proposal));
        Assert.Equal("This run of 'Production plan' calculated nothing (failed), so there is nothing to propose.", noResult.Problem);

        var latest = await proposals.ForLatestRunAsync(EngineLists.ProductionId, Ct);
        Assert.Equal((RunProposalStatus.Ready, succeeded.RunId), (latest.Status, latest.Run!.RunId));
        Assert.NotEmpty(latest.Proposal!.Suppliers);

        var never = await proposals.ForLatestRunAsync(EngineLists.AlwaysId, Ct);
        Assert.Equal((RunProposalStatus.NoRunWithResult, null), (never.Status, never.Run));
        Assert.Equal("The list has no run with a result in the history yet; run a check first.", never.Problem);
    }

    [Fact]
    public async Task With_InvenTree_unreachable_the_reason_names_what_failed_and_never_the_token()
    {
        await using var engine = await EngineHarness.StartAsync(EngineLists.File(EngineLists.Production()));
        var run = (await engine.RunAsync(EngineLists.ProductionId)).Run!.Summary;
        engine.Emulator.Faults.DropConnections = true;

        var proposal = await ProposalsOf(engine).ForRunAsync(run.RunId, Ct);

        Assert.Equal((RunProposalStatus.InvenTreeFailed, null, run.RunId), (proposal.Status, proposal.Proposal, proposal.Run!.RunId));
        Assert.StartsWith("InvenTree could not be asked for supplier parts, prices and open orders: ", proposal.Problem, StringComparison.Ordinal);
        Assert.Contains("/api/", proposal.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(EngineHarness.InvenTreeToken, proposal.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(EngineHarness.InvenTreeToken, engine.AllLogText(), StringComparison.Ordinal);
    }
}
