using MonitorDashboard.Calculation;
using MonitorDashboard.Email.Templates;

namespace MonitorDashboard.Tests.Email.Templates;

/// <summary>Realistic results: a widget line short of resistors and a sub-assembly, with every section filled.</summary>
internal static class ReportSamples
{
    public static readonly DateTimeOffset CheckedAt = new(2025, 11, 26, 6, 0, 0, TimeSpan.Zero);

    public static OrderRow Order(int pk, string name, decimal toOrder, params SubstituteInfo[] substitutes) =>
        new(pk, name, $"IPN-{pk}", null, false, false, Needed: toOrder + 20, TotalInStock: 25, RequiredForBuildOrders: 5,
            RequiredForSalesOrders: 0, Available: 20, OnOrder: 0, ToOrder: toOrder, BelongsTo: ["Widget Assembly"], Substitutes: substitutes);

    public static BuildRow Build(int pk, string name, decimal toBuild, decimal inProduction = 0) =>
        new(pk, name, $"IPN-{pk}", "B", false, false, Needed: toBuild + 2, TotalInStock: 2, RequiredForBuildOrders: 0,
            RequiredForSalesOrders: 0, Available: 2, InProduction: inProduction, ToBuild: toBuild, BelongsTo: ["Widget Assembly"]);

    public static CalculationResult Everything(string partName = "Resistor 10k 0603") => new(
        PartsToOrder:
        [
            Order(101, partName, 1234.5m, new SubstituteInfo(111, "Resistor 10k 0805", 40)),
            Order(102, "Capacitor 100nF", 80) with { Optional = true, Consumable = true },
        ],
        SubassembliesToBuild: [Build(201, "Controller Board", 3), Build(202, "Power Module", 0, inProduction: 4)],
        Critical: [new CriticalPart(301, "Enclosure Screw M3", "SCR-M3", 40, 35, 100)],
        NotFound: [new NotFoundPart("Gizmo", "C", 0), new NotFoundPart("Sprocket", null, 3)],
        Warnings: ["BOM line Widget Assembly → Spacer has quantity 0; ignored"]);

    public static CalculationResult Previous() => new(
        PartsToOrder: [Order(101, "Resistor 10k 0603", 1000), Order(103, "LED red", 12)],
        SubassembliesToBuild: [Build(201, "Controller Board", 5)],
        Critical: [],
        NotFound: [new NotFoundPart("Sprocket", null, 3)],
        Warnings: []);

    public static ReportModel Model(
        CalculationResult result, string listName = "Widget line, weekly", string? timeZone = "Europe/Berlin",
        CalculationResult? previous = null, bool changed = true, DateTimeOffset? checkedAt = null, Guid? runId = null) =>
        new("3f1c-list", listName, timeZone, ["planning@example.com"], checkedAt ?? CheckedAt, result,
            ResultDiff.Compare(previous, result), changed, runId);
}
