using System.Text.Json;
using MonitorDashboard.Calculation;
using MonitorDashboard.Email;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.History;

/// <summary>Runs to store: a realistic full one, and cheap ones at chosen times.</summary>
public static class RunSamples
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 30, 6, 0, 0, TimeSpan.Zero);

    public static CalculationResult Result() => new(
        PartsToOrder:
        [
            new OrderRow(101, "M3 screw, 8 mm", "SCR-M3-8", null, false, true, 1234567.891234m, 250m, 12.5m, 0m, 237.50m, 1000m, 1233330.391234m,
                ["Widget Assembly", "Gadget@B"], []),
            new OrderRow(102, "Resistor 10k Ø 0.25 W — ü", null, "C", true, false, 0.001m, 0m, 0m, 0m, 0m, 0m, 0.001m,
                ["Widget Assembly"], [new SubstituteInfo(103, "Resistor 10k 1%", 4.000m), new SubstituteInfo(104, "R10k \"alt\"", 0m)]),
            new OrderRow(105, "Max", "X", "1", false, false, 79228162514264337593543950335m, 0m, 0m, 0m, -3.25m, 0m, 1m, [], []),
        ],
        SubassembliesToBuild:
        [
            new BuildRow(201, "Gadget", "GAD", "B", false, false, 10m, 2m, 1.5m, 0.5m, 0m, 3m, 7.000m, ["Widget Assembly"]),
        ],
        Critical: [new CriticalPart(301, "Fuse 2A", "FUS-2", 3m, 1.25m, 10m), new CriticalPart(302, "Glue", null, 0m, 0m, 0.5m)],
        NotFound: [new NotFoundPart("Unobtainium", null, 0), new NotFoundPart("Widget", "A", 3)],
        Warnings: ["Part 101: BOM line has quantity 0", "Line with <html> & \"quotes\""]);

    public static EmailMessage Email(string listId) => new(
        EmailKind.Report,
        "[Monitor] Morning build: 3 parts to order",
        "<html><body><p class=\"x\">3 parts &amp; more</p></body></html>",
        "3 parts & more\r\n",
        ["planner@example.com", "buyer@example.com"],
        listId);

    public static DeliveryResult Delivery(DeliveryOutcome outcome) => new(
        outcome,
        [new RecipientOutcome("planner@example.com", outcome != DeliveryOutcome.Failed), new RecipientOutcome("buyer@example.com", false, "550 mailbox unavailable")],
        outcome == DeliveryOutcome.Failed ? null : "<abc@monitor>",
        outcome == DeliveryOutcome.Failed ? "Connection refused" : null,
        null,
        3);

    /// <summary>A complete run: result, email and an accepted (partial) delivery, times with sub-millisecond ticks.</summary>
    public static RunRecord Full(string listId = "morning") => new(
        new RunSummary(
            Guid.NewGuid(), listId, "Morning build", RunTrigger.CatchUp,
            new DateTimeOffset(2025, 3, 30, 1, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2025, 3, 30, 1, 0, 1, TimeSpan.Zero).AddTicks(1234567),
            new DateTimeOffset(2025, 3, 30, 1, 0, 5, TimeSpan.Zero).AddTicks(7),
            RunOutcome.Shortages, new RunCounts(3, 1, 2, 2, 2), new string('a', 64), true,
            DeliveryOutcome.PartiallySent, null, "corr-42"),
        Result(), Email(listId), Delivery(DeliveryOutcome.PartiallySent));

    /// <summary>A run without payload, started <paramref name="minutes"/> after <see cref="T0"/>.</summary>
    public static RunRecord At(string listId, int minutes, DeliveryOutcome? delivery = null, RunOutcome outcome = RunOutcome.Ok) => new(
        new RunSummary(
            Guid.NewGuid(), listId, listId.ToUpperInvariant(), RunTrigger.Schedule, T0.AddMinutes(minutes),
            T0.AddMinutes(minutes), T0.AddMinutes(minutes).AddSeconds(2), outcome, RunCounts.None,
            null, false, delivery, null, null),
        null,
        delivery is null ? null : Email(listId),
        delivery is { } d ? Delivery(d) : null);

    /// <summary>Records with list properties compare lists by reference; compare their full JSON instead.</summary>
    public static string Json(object? value) => JsonSerializer.Serialize(value, new JsonSerializerOptions { WriteIndented = true });
}
