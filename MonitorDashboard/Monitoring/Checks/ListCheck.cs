using MonitorDashboard.Calculation;
using MonitorDashboard.Email;
using MonitorDashboard.Email.Templates;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Presets;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Monitoring.Checks;

/// <summary>
/// One check of one list: calculate, decide whether to report (always / on_change), render, send, and only
/// after the report was accepted write <c>last_hash</c>. Returns the run to record; failures of InvenTree or
/// SMTP become the run's outcome, never an exception.
/// </summary>
public sealed class ListCheck(
    CalculationService calculation,
    IRunHistory history,
    ReportRenderer reports,
    IEmailSender email,
    PresetsStore presets,
    AdminNotifier admins,
    IOptions<EmailOptions> emailOptions,
    TimeProvider time,
    ILogger<ListCheck> logger)
{
    public async Task<RunRecord> RunAsync(MonitoringList list, CheckRequest request, Guid runId, string correlationId, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var requests = list.Parts.Select(p => new PartRequest(p.Name, string.IsNullOrWhiteSpace(p.Version) ? null : p.Version, null, p.Quantity)).ToList();

        CalculationRun run;
        try
        {
            run = await calculation.RunAsync(requests, CalculationOptions.Default, cancellationToken, request.SharedClient);
        }
        catch (InvenTreeException ex)
        {
            logger.LogWarning("Check of {ListId} failed: {Error}", list.Id, ex.Message);
            if (!request.DryRun)
            {
                await admins.CheckFailedAsync(list, ex.Message, CancellationToken.None);
            }
            return Record(RunOutcome.Failed, RunCounts.None, null, false, null, null, null, ex.Message);
        }
        if (!request.DryRun)
        {
            await admins.CheckSucceededAsync(list, CancellationToken.None);
        }

        var result = run.Result;
        var hash = SignificantResult.Hash(result);
        var changed = !string.Equals(hash, list.LastHash, StringComparison.OrdinalIgnoreCase);
        var shortages = result.PartsToOrder.Count > 0 || result.SubassembliesToBuild.Any(b => b.ToBuild > 0)
                        || result.Critical.Count > 0 || result.NotFound.Count > 0;
        var resultOutcome = shortages ? RunOutcome.Shortages : RunOutcome.Ok;

        if (!changed && string.Equals(list.NotifyCondition, NotifyConditions.OnChange, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogInformation("Check of {ListId}: no change since the last report, no email", list.Id);
            return Record(RunOutcome.SkippedUnchanged, RunCounts.Of(result), result, false, null, null, hash, null);
        }

        var previous = await history.LastReportedAsync(list.Id, cancellationToken);
        var message = reports.RenderReport(new ReportModel(
            list.Id, list.Name, list.TimeZone, list.Recipients, startedAt, result,
            ResultDiff.Compare(previous?.Result, result), changed));
        if (request.DryRun)
        {
            return Record(resultOutcome, RunCounts.Of(result), result, changed, message, null, hash, null);
        }
        if (!emailOptions.Value.GlobalNotificationsEnabled)
        {
            // Checks still run and are recorded; last_hash stays so the report goes out once email is back on.
            var disabled = new DeliveryResult(DeliveryOutcome.Disabled, []);
            return Record(resultOutcome, RunCounts.Of(result), result, changed, message, disabled, hash, null);
        }

        // Once sending starts, finish the bookkeeping even if the app is stopping: no half-written state.
        var delivery = await email.SendAsync(message, CancellationToken.None);
        if (delivery.Accepted)
        {
            await presets.SetLastHashAsync(list.Id, hash, CancellationToken.None);
            await admins.DeliverySucceededAsync(list, CancellationToken.None);
            logger.LogInformation("Report for {ListId} sent: {Outcome} to {Accepted} of {Recipients} recipients",
                list.Id, delivery.Outcome, delivery.Recipients.Count(r => r.Accepted), list.Recipients.Count);
            return Record(resultOutcome, RunCounts.Of(result), result, changed, message, delivery, hash, null);
        }

        logger.LogError("Report for {ListId} could not be delivered: {Error}", list.Id, delivery.Error);
        await admins.DeliveryFailedAsync(list, delivery.Error ?? "delivery failed", CancellationToken.None);
        return Record(RunOutcome.EmailFailed, RunCounts.Of(result), result, changed, message, delivery, hash, delivery.Error);

        RunRecord Record(RunOutcome outcome, RunCounts counts, CalculationResult? calculated, bool isChanged, EmailMessage? sent,
            DeliveryResult? delivered, string? resultHash, string? error) =>
            new(new RunSummary(runId, list.Id, list.Name, request.Trigger, request.ScheduledFor, startedAt, time.GetUtcNow(), outcome, counts,
                    resultHash, isChanged, delivered?.Outcome, error, correlationId),
                calculated, sent, delivered);
    }
}
