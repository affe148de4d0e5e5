using MonitorDashboard.Calculation;
using MonitorDashboard.Email;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Tests.Monitoring.History;

namespace MonitorDashboard.Tests.Components.Pages.Runs;

/// <summary>Realistic runs of one list for the history and run pages: results with rows, emails, deliveries.</summary>
public static class RunPageData
{
    public const string ListId = "morning";
    public const string ListName = "Morning build";

    public static readonly DateTimeOffset T0 = RunSamples.T0;

    public static OrderRow Order(int pk, string name, decimal toOrder) =>
        new(pk, name, $"IPN-{pk}", null, false, false, toOrder + 10m, 12m, 2m, 0m, 10m, 0m, toOrder, ["Widget Assembly"], []);

    public static BuildRow Build(int pk, string name, decimal toBuild) =>
        new(pk, name, $"ASM-{pk}", null, false, false, toBuild + 1m, 1m, 0m, 0m, 1m, 0m, toBuild, ["Widget Assembly"]);

    public static CalculationResult Result(IReadOnlyList<OrderRow> orders, IReadOnlyList<BuildRow>? builds = null, IReadOnlyList<string>? warnings = null) =>
        new(orders, builds ?? [], [], [], warnings ?? []);

    public static EmailMessage ReportEmail(string subject = "[Monitor] Morning build: parts to order") => new(
        EmailKind.Report,
        subject,
        "<html><body><h1>Parts to order</h1><p>M3 screw &amp; nut: <b>100</b></p><script>alert('x')</script></body></html>",
        "Parts to order\r\nM3 screw & nut: 100\r\n",
        ["planner@example.com", "buyer@example.com"],
        ListId);

    /// <summary>planner accepted, buyer rejected with a reason: a partial delivery after 2 attempts.</summary>
    public static DeliveryResult PartialDelivery() => new(
        DeliveryOutcome.PartiallySent,
        [new RecipientOutcome("planner@example.com", true), new RecipientOutcome("buyer@example.com", false, "550 5.1.1 mailbox unavailable")],
        "<report-1@monitor>",
        null,
        null,
        2);

    public static RunRecord Run(
        int minutes,
        CalculationResult? result,
        RunOutcome outcome = RunOutcome.Shortages,
        EmailMessage? email = null,
        DeliveryResult? delivery = null,
        string? error = null,
        RunTrigger trigger = RunTrigger.Schedule,
        string listId = ListId,
        string listName = ListName)
    {
        var started = T0.AddMinutes(minutes);
        return new RunRecord(
            new RunSummary(
                Guid.NewGuid(), listId, listName, trigger, trigger == RunTrigger.Schedule ? started : null,
                started, started.AddSeconds(3.5), outcome, result is null ? RunCounts.None : RunCounts.Of(result),
                result is null ? null : $"{minutes:x4}{new string('b', 60)}", result is not null,
                delivery?.Outcome, error, $"corr-{minutes}"),
            result, email, delivery);
    }

    public static RunRecord Failed(int minutes, string error) =>
        Run(minutes, null, RunOutcome.Failed, error: error);
}
