using MonitorDashboard.Calculation;

namespace MonitorDashboard.Email.Templates;

/// <summary>The result diff as groups of readable lines ("Widget — to order 3 → 5").</summary>
internal static class ChangesViewBuilder
{
    public static ChangesView Build(ResultChanges changes, ValueFormatter f, PartLinks links)
    {
        var groups = new List<ChangeGroupView>();
        Add(groups, "New shortages", changes.NewShortages.Select(p => Line(p.Pk, p.Name, $"order {f.Quantity(p.Quantity)}", links)));
        Add(groups, "Resolved shortages", changes.ResolvedShortages.Select(p => Line(p.Pk, p.Name, $"was {f.Quantity(p.Quantity)} to order", links)));
        Add(groups, "More to order", changes.IncreasedOrders.Select(c => Line(c.Pk, c.Name, $"to order {f.Quantity(c.Before)} → {f.Quantity(c.After)}", links)));
        Add(groups, "Less to order", changes.DecreasedOrders.Select(c => Line(c.Pk, c.Name, $"to order {f.Quantity(c.Before)} → {f.Quantity(c.After)}", links)));
        Add(groups, "New to build", changes.NewBuilds.Select(p => Line(p.Pk, p.Name, $"build {f.Quantity(p.Quantity)}", links)));
        Add(groups, "No longer to build", changes.ResolvedBuilds.Select(p => Line(p.Pk, p.Name, $"was {f.Quantity(p.Quantity)} to build", links)));
        Add(groups, "More to build", changes.IncreasedBuilds.Select(c => Line(c.Pk, c.Name, $"to build {f.Quantity(c.Before)} → {f.Quantity(c.After)}", links)));
        Add(groups, "Less to build", changes.DecreasedBuilds.Select(c => Line(c.Pk, c.Name, $"to build {f.Quantity(c.Before)} → {f.Quantity(c.After)}", links)));
        Add(groups, "Became critical", changes.CriticalAdded.Select(c =>
            Line(c.Pk, c.Name, $"in stock {f.Quantity(c.TotalInStock)}, minimum {f.Quantity(c.MinimumStock)}", links)));
        Add(groups, "No longer critical", changes.CriticalRemoved.Select(c => Line(c.Pk, c.Name, "back at or above its minimum stock", links)));
        Add(groups, "Critical parts that moved", changes.CriticalUpdated.Select(c =>
            Line(c.Pk, c.Name, $"available {f.Quantity(c.AvailableBefore)} → {f.Quantity(c.AvailableAfter)}, minimum {f.Quantity(c.MinimumAfter)}", links)));
        Add(groups, "Newly not found", changes.NotFoundAdded.Select(n =>
            new ChangeLineView(ReportViewBuilder.DisplayName(n.Name, n.Revision), "", n.Matches == 0 ? "not found" : "ambiguous")));
        Add(groups, "Found again", changes.NotFoundRemoved.Select(n =>
            new ChangeLineView(ReportViewBuilder.DisplayName(n.Name, n.Revision), "", "resolved in InvenTree")));
        return new ChangesView(changes.HasChanges, changes.IsFirstReport, groups);
    }

    private static ChangeLineView Line(int pk, string name, string detail, PartLinks links) => new(name, links.For(pk), detail);

    private static void Add(List<ChangeGroupView> groups, string title, IEnumerable<ChangeLineView> lines)
    {
        var list = lines.ToList();
        if (list.Count > 0)
        {
            groups.Add(new ChangeGroupView(title, list));
        }
    }
}
