using MonitorDashboard.Calculation;
using MonitorDashboard.Email;
using MonitorDashboard.Email.Templates;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Presets;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Monitoring.Checks;

/// <summary>What a check runs under: its identity, where it reports progress, and its two deadlines.</summary>
/// <param name="CancellationToken">The check's deadline and the app's shutdown.</param>
/// <param name="SendToken">For handing the report to the sender: the check's deadline, and the shutdown after a short grace,
/// so a report already being sent may finish when the app stops.</param>
public sealed record CheckContext(
    Guid RunId,
    string CorrelationId,
    CheckProgress Progress,
    CancellationToken CancellationToken,
    CancellationToken SendToken)
{
    /// <summary>Gives the check's slot to a waiting check once what needs one (InvenTree, calculation, rendering, sending) is done.</summary>
    public Action LeaveSlot { get; init; } = static () => { };
}

/// <summary>
/// One check of one list: calculate, decide whether to report (always / on_change), render, send, and only after the
/// report was accepted write <c>last_hash</c> (kept in the history instead when presets.json cannot be written, so the
/// report is not sent again). InvenTree failures and delivery failures become the run's outcome; anything else (a
/// template error, a deadline, a bug) escapes to <see cref="CheckRunner"/>, which records it from <see cref="CheckProgress"/>.
/// </summary>
public sealed partial class ListCheck(
    CalculationService calculation,
    IRunStore history,
    ReportRenderer reports,
    IEmailSender email,
    UnsavedHashes unsaved,
    IOptions<EmailOptions> emailOptions,
    TimeProvider time,
    ILogger<ListCheck> logger)
{
    public async Task<RunRecord> RunAsync(MonitoringList list, CheckRequest request, CheckContext context)
    {
        var startedAt = time.GetUtcNow();
        var progress = context.Progress;
        var cancellationToken = context.CancellationToken;
        var requests = list.Parts.Select(p => new PartRequest(p.Name, string.IsNullOrWhiteSpace(p.Version) ? null : p.Version, null, p.Quantity)).ToList();

        CalculationRun run;
        try
        {
            var activity = new FetchActivity();
            progress.Enter("fetching from InvenTree", activity.Describe);
            run = await calculation.RunAsync(requests, ListCalculationOptions.For(list), cancellationToken, request.SharedClient, activity);
        }
        catch (InvenTreeException ex)
        {
            var reason = RunReasons.InvenTreeFailed(ex);
            LogInvenTreeFailed(list.Id, reason);
            return Record(RunOutcome.Failed, reason);
        }

        progress.Enter("deciding whether to report");
        var result = run.Result;
        var hash = SignificantResult.Hash(result);
        var lastHash = request.DryRun ? list.LastHash : await unsaved.EffectiveLastHashAsync(list, cancellationToken);
        var changed = !string.Equals(hash, lastHash, StringComparison.OrdinalIgnoreCase);
        progress.Calculated(result, hash, changed);
        var shortages = result.PartsToOrder.Count > 0 || result.SubassembliesToBuild.Any(b => b.ToBuild > 0)
                        || result.Critical.Count > 0 || result.NotFound.Count > 0;
        var resultOutcome = shortages ? RunOutcome.Shortages : RunOutcome.Ok;

        if (!changed && string.Equals(list.NotifyCondition, NotifyConditions.OnChange, StringComparison.OrdinalIgnoreCase))
        {
            LogUnchanged(list.Id);
            return Record(RunOutcome.SkippedUnchanged, null);
        }

        progress.Enter("reading the previous report from the history");
        var previous = await history.LastReportedAsync(list.Id, cancellationToken);
        progress.Enter("rendering the report");
        var message = reports.RenderReport(new ReportModel(
            list.Id, list.Name, list.TimeZone, list.Recipients, startedAt, result,
            ResultDiff.Compare(previous?.Result, result), changed, context.RunId));
        progress.Rendered(message);
        if (request.DryRun)
        {
            return Record(resultOutcome, null);
        }
        if (!emailOptions.Value.GlobalNotificationsEnabled)
        {
            // Checks still run and are recorded; last_hash stays so the report goes out once email is back on.
            progress.Delivered(new DeliveryResult(DeliveryOutcome.Disabled, []));
            return Record(resultOutcome, null);
        }

        progress.Enter($"sending the report to {Plural(list.Recipients.Count, "recipient")}");
        var delivery = await email.SendAsync(message, context.SendToken);
        progress.Delivered(delivery);
        if (!delivery.Accepted)
        {
            LogNotDelivered(list.Id, delivery.Error);
            return Record(RunOutcome.EmailFailed, delivery.Error ?? "delivery failed");
        }
        LogSent(list.Id, delivery.Outcome, delivery.Recipients.Count(r => r.Accepted), list.Recipients.Count);

        // The report is out: whatever happens now, the run says so and the next run must not send it again. Waiting for
        // the next write of presets.json needs no slot, nor the result and email as objects (packed while in the slot).
        progress.PackDetails();
        context.LeaveSlot();
        progress.Enter("saving last_hash to presets.json");
        if (await unsaved.SaveAsync(list, hash) is { } notSaved)
        {
            return Record(RunOutcome.SentHashNotSaved, notSaved);
        }
        return Record(resultOutcome, null);

        RunRecord Record(RunOutcome outcome, string? error) =>
            Recorded(list, request, context, startedAt, time.GetUtcNow(), outcome, error);
    }

    /// <summary>The run as far as <paramref name="context"/>'s progress knows it, ended with <paramref name="outcome"/>.</summary>
    public static RunRecord Recorded(MonitoringList list, CheckRequest request, CheckContext context, DateTimeOffset startedAt,
        DateTimeOffset finishedAt, RunOutcome outcome, string? error)
    {
        var p = context.Progress;
        return new RunRecord(
            new RunSummary(context.RunId, list.Id, list.Name, request.Trigger, request.ScheduledFor, startedAt, finishedAt, outcome,
                p.Counts ?? RunCounts.None, p.Hash, p.Counts is not null && p.Changed, p.Delivery?.Outcome, error, context.CorrelationId),
            p.Details);
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Check of {ListId} failed: {Error}")]
    private partial void LogInvenTreeFailed(string listId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Check of {ListId}: no change since the last report, no email")]
    private partial void LogUnchanged(string listId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Report for {ListId} could not be delivered: {Error}")]
    private partial void LogNotDelivered(string listId, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report for {ListId} sent: {Outcome} to {Accepted} of {Recipients} recipients")]
    private partial void LogSent(string listId, DeliveryOutcome outcome, int accepted, int recipients);
}
