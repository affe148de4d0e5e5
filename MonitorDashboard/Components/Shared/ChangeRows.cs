using MonitorDashboard.Calculation;
using MudBlazor;

namespace MonitorDashboard.Components.Shared;

/// <summary>One line of <see cref="ChangesView"/>: a kind (for tests and styling), a label, the part, before and now.</summary>
public sealed record ChangeRow(string Kind, string Label, Color Color, string Part, string Before, string After);

/// <summary>Flattens <see cref="ResultChanges"/> into table rows, worst news first.</summary>
public static class ChangeRows
{
    public static IReadOnlyList<ChangeRow> Of(ResultChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var q = Numbers.Format;
        return
        [
            .. changes.NewShortages.Select(p => new ChangeRow("new-shortage", "new shortage", Color.Error, p.Name, "—", q(p.Quantity))),
            .. changes.IncreasedOrders.Select(c => new ChangeRow("order-up", "to order ↑", Color.Warning, c.Name, q(c.Before), q(c.After))),
            .. changes.DecreasedOrders.Select(c => new ChangeRow("order-down", "to order ↓", Color.Info, c.Name, q(c.Before), q(c.After))),
            .. changes.ResolvedShortages.Select(p => new ChangeRow("resolved-shortage", "resolved", Color.Success, p.Name, q(p.Quantity), "—")),
            .. changes.NewBuilds.Select(p => new ChangeRow("new-build", "new build", Color.Error, p.Name, "—", q(p.Quantity))),
            .. changes.IncreasedBuilds.Select(c => new ChangeRow("build-up", "to build ↑", Color.Warning, c.Name, q(c.Before), q(c.After))),
            .. changes.DecreasedBuilds.Select(c => new ChangeRow("build-down", "to build ↓", Color.Info, c.Name, q(c.Before), q(c.After))),
            .. changes.ResolvedBuilds.Select(p => new ChangeRow("resolved-build", "build resolved", Color.Success, p.Name, q(p.Quantity), "—")),
            .. changes.CriticalAdded.Select(c => new ChangeRow("critical-in", "became critical", Color.Error, c.Name, "—", Stock(c.Available, c.MinimumStock))),
            .. changes.CriticalUpdated.Select(c => new ChangeRow("critical-moved", "still critical", Color.Warning, c.Name,
                Stock(c.AvailableBefore, c.MinimumBefore), Stock(c.AvailableAfter, c.MinimumAfter))),
            .. changes.CriticalRemoved.Select(c => new ChangeRow("critical-out", "no longer critical", Color.Success, c.Name, Stock(c.Available, c.MinimumStock), "—")),
            .. changes.NotFoundAdded.Select(n => new ChangeRow("not-found-in", "not found", Color.Error, Label(n), "—", Matches(n))),
            .. changes.NotFoundRemoved.Select(n => new ChangeRow("not-found-out", "found again", Color.Success, Label(n), Matches(n), "—")),
        ];
    }

    private static string Stock(decimal available, decimal minimum) => $"{Numbers.Format(available)} of min {Numbers.Format(minimum)}";

    private static string Label(NotFoundPart part) => string.IsNullOrEmpty(part.Revision) ? part.Name : $"{part.Name} (rev {part.Revision})";

    private static string Matches(NotFoundPart part) => part.Matches == 0 ? "no match" : $"{part.Matches} matches";
}
