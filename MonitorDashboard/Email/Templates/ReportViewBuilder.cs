using System.Globalization;
using Microsoft.Extensions.Options;
using MonitorDashboard.Calculation;

namespace MonitorDashboard.Email.Templates;

/// <summary>Turns a report model into the formatted, template-ready <see cref="ReportView"/>.</summary>
public sealed class ReportViewBuilder(EmailFormatting formatting, IOptions<DashboardOptions> dashboard)
{
    public ReportView Build(ReportModel model)
    {
        var f = formatting.For(model.TimeZone);
        var links = formatting.Links;
        var r = model.Result;
        var orders = r.PartsToOrder.Select(o => Order(o, f, links)).ToList();
        return new ReportView(
            Subject: EmailSubjects.Report(model.ListName, r, model.Changed),
            ListId: model.ListId,
            ListName: model.ListName,
            TimeZone: f.Zone.Id,
            CheckedAt: f.DateTime(model.CheckedAt),
            Summary: Summary(r),
            AllClear: r.PartsToOrder.Count + r.SubassembliesToBuild.Count + r.Critical.Count + r.NotFound.Count + r.Warnings.Count == 0,
            Changed: model.Changed,
            Changes: ChangesViewBuilder.Build(model.Changes, f, links),
            PartsToOrder: orders,
            Replenishes: r.Replenishes,
            Substitutes: orders.SelectMany(o => o.Substitutes).ToList(),
            SubassembliesToBuild: r.SubassembliesToBuild.Select(b => Build(b, f, links)).ToList(),
            Critical: r.Critical.Select(c => new CriticalView(c.Pk, c.Name, c.Ipn ?? "", links.For(c.Pk),
                f.Quantity(c.TotalInStock), f.Quantity(c.Available), f.Quantity(c.MinimumStock))).ToList(),
            NotFound: r.NotFound.Select(NotFound).ToList(),
            Warnings: r.Warnings,
            // Only when there is something to order: the proposal of a run without parts to order is empty.
            ProposalUrl: model.RunId is { } runId && r.PartsToOrder.Count > 0 ? dashboard.Value.ProposalUrl(runId) : "");
    }

    private static SummaryView Summary(CalculationResult r)
    {
        var toBuild = EmailSubjects.ToBuildCount(r);
        var parts = new List<string>
        {
            Count(r.PartsToOrder.Count, "to order"),
            Count(toBuild, "to build"),
            Count(r.Critical.Count, "critical"),
            Count(r.NotFound.Count, "not found"),
        };
        if (r.Warnings.Count > 0)
        {
            parts.Add(Count(r.Warnings.Count, r.Warnings.Count == 1 ? "warning" : "warnings"));
        }
        return new SummaryView(r.PartsToOrder.Count, toBuild, r.Critical.Count, r.NotFound.Count, r.Warnings.Count, string.Join(", ", parts));
    }

    private static string Count(int n, string what) => n.ToString(CultureInfo.InvariantCulture) + " " + what;

    private static OrderView Order(OrderRow o, ValueFormatter f, PartLinks links)
    {
        var display = DisplayName(o.Name, o.Revision);
        var url = links.For(o.Pk);
        return new OrderView(o.Pk, o.Name, display, o.Revision ?? "", o.Ipn ?? "", url,
            f.Quantity(o.Needed), f.Quantity(o.TotalInStock), f.Quantity(o.RequiredForBuildOrders), f.Quantity(o.RequiredForSalesOrders),
            f.Quantity(o.Available), f.Quantity(o.OnOrder), f.Quantity(o.ToOrder),
            f.Quantity(o.ForDemand), f.Quantity(o.Replenishment), f.Quantity(o.MinimumStock), Flags(o.Optional, o.Consumable),
            string.Join(", ", o.BelongsTo),
            o.Substitutes.Select(s => new SubstituteView(display, url, s.Pk, s.Name, links.For(s.Pk), f.Quantity(s.Available))).ToList());
    }

    private static BuildView Build(BuildRow b, ValueFormatter f, PartLinks links) =>
        new(b.Pk, b.Name, DisplayName(b.Name, b.Revision), b.Revision ?? "", b.Ipn ?? "", links.For(b.Pk),
            f.Quantity(b.Needed), f.Quantity(b.TotalInStock), f.Quantity(b.Available), f.Quantity(b.InProduction), f.Quantity(b.ToBuild),
            Flags(b.Optional, b.Consumable), string.Join(", ", b.BelongsTo));

    private static NotFoundView NotFound(NotFoundPart n) =>
        new(n.Name, n.Revision ?? "", DisplayName(n.Name, n.Revision),
            n.Matches == 0 ? "not found" : $"ambiguous: {n.Matches.ToString(CultureInfo.InvariantCulture)} parts match");

    internal static string DisplayName(string name, string? revision) =>
        string.IsNullOrEmpty(revision) ? name : $"{name} (rev {revision})";

    private static string Flags(bool optional, bool consumable) =>
        string.Join(", ", new[] { optional ? "optional" : null, consumable ? "consumable" : null }.OfType<string>());
}
