using MonitorDashboard.Calculation;
using MonitorDashboard.Text;

namespace MonitorDashboard.Cli;

/// <summary>Readable tables for <c>calc</c> in a terminal.</summary>
internal static class CalcTables
{
    public static void Write(TextWriter output, CalculationRun run)
    {
        var r = run.Result;
        output.WriteLine($"Parts to order: {r.PartsToOrder.Count}   Subassemblies to build: {r.SubassembliesToBuild.Count}   " +
                         $"Critical: {r.Critical.Count}   Not found: {r.NotFound.Count}   ({run.Requests} requests, {run.Elapsed.TotalSeconds:0.00} s)");

        Section(output, "Parts to order", r.PartsToOrder.Count, () =>
        {
            // The demand/replenishment split only when something is replenished, so the usual table stays as it was.
            string[] split = r.Replenishes ? ["For demand", "Replenish", "Minimum"] : [];
            var table = new TextTable(["Pk", "Part", "IPN", "Needed", "In stock", "Req. builds", "Req. sales", "Available", "On order", "To order", .. split, "Flags", "Belongs to"])
                .AlignRight([0, 3, 4, 5, 6, 7, 8, 9, .. Enumerable.Range(10, split.Length)]);
            foreach (var o in r.PartsToOrder)
            {
                string[] splitCells = r.Replenishes
                    ? [Numbers.Format(o.ForDemand), Numbers.Format(o.Replenishment), Numbers.Format(o.MinimumStock)]
                    : [];
                table.Add([Pk(o.Pk), Name(o.Name, o.Revision), o.Ipn ?? "", Numbers.Format(o.Needed), Numbers.Format(o.TotalInStock),
                    Numbers.Format(o.RequiredForBuildOrders), Numbers.Format(o.RequiredForSalesOrders), Numbers.Format(o.Available),
                    Numbers.Format(o.OnOrder), Numbers.Format(o.ToOrder), .. splitCells, Flags(o.Optional, o.Consumable), string.Join(", ", o.BelongsTo)]);
            }
            return table;
        });

        var withSubstitutes = r.PartsToOrder.Where(o => o.Substitutes.Count > 0).ToList();
        if (withSubstitutes.Count > 0)
        {
            Section(output, "Substitutes for parts to order", withSubstitutes.Count, () =>
            {
                var table = new TextTable("Pk", "Part", "Substitute pk", "Substitute", "Available").AlignRight(0, 2, 4);
                foreach (var o in withSubstitutes)
                {
                    foreach (var s in o.Substitutes)
                    {
                        table.Add(Pk(o.Pk), Name(o.Name, o.Revision), Pk(s.Pk), s.Name, Numbers.Format(s.Available));
                    }
                }
                return table;
            });
        }

        Section(output, "Subassemblies to build", r.SubassembliesToBuild.Count, () =>
        {
            var table = new TextTable("Pk", "Assembly", "IPN", "Needed", "Available", "In production", "To build", "Flags", "Belongs to")
                .AlignRight(0, 3, 4, 5, 6);
            foreach (var b in r.SubassembliesToBuild)
            {
                table.Add(Pk(b.Pk), Name(b.Name, b.Revision), b.Ipn ?? "", Numbers.Format(b.Needed), Numbers.Format(b.Available),
                    Numbers.Format(b.InProduction), Numbers.Format(b.ToBuild), Flags(b.Optional, b.Consumable), string.Join(", ", b.BelongsTo));
            }
            return table;
        });

        Section(output, "Critical parts (below minimum stock)", r.Critical.Count, () =>
        {
            var table = new TextTable("Pk", "Part", "IPN", "In stock", "Available", "Minimum").AlignRight(0, 3, 4, 5);
            foreach (var c in r.Critical)
            {
                table.Add(Pk(c.Pk), c.Name, c.Ipn ?? "", Numbers.Format(c.TotalInStock), Numbers.Format(c.Available), Numbers.Format(c.MinimumStock));
            }
            return table;
        });

        Section(output, "Parts not found", r.NotFound.Count, () =>
        {
            var table = new TextTable("Requested", "Problem");
            foreach (var n in r.NotFound)
            {
                table.Add(Name(n.Name, n.Revision), n.Matches == 0 ? "not found" : $"ambiguous: {n.Matches} parts match");
            }
            return table;
        });

        if (r.Warnings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Warnings");
            foreach (var w in r.Warnings)
            {
                output.WriteLine("  - " + w.ReplaceLineEndings(" "));
            }
        }
    }

    private static void Section(TextWriter output, string title, int count, Func<TextTable> table)
    {
        if (count == 0)
        {
            return;
        }
        output.WriteLine();
        output.WriteLine($"{title} ({count})");
        output.Write(table());
    }

    private static string Pk(int pk) => pk.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Name(string name, string? revision) => string.IsNullOrEmpty(revision) ? name : $"{name} (rev {revision})";

    private static string Flags(bool optional, bool consumable) =>
        string.Join(",", new[] { optional ? "optional" : null, consumable ? "consumable" : null }.OfType<string>());
}
