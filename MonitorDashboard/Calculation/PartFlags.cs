using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Calculation;

/// <summary>How a part sits in the tree, independent of stock.</summary>
/// <param name="Optional">Every path from a top-level part to this part passes through an optional line.</param>
/// <param name="Consumable">Some line into this part is consumable.</param>
/// <param name="BelongsTo">Labels of the top-level parts whose tree contains this part, sorted.</param>
internal sealed record PartFlags(bool Optional, bool Consumable, IReadOnlyList<string> BelongsTo)
{
    public static IReadOnlyDictionary<int, PartFlags> Compute(BomGraph graph, IReadOnlyDictionary<int, InvenTreePart> parts)
    {
        var roots = graph.Roots.ToHashSet();
        // A part is required (not optional) when some path of non-optional lines reaches it from a root.
        var required = new HashSet<int>();
        var belongsTo = new Dictionary<int, HashSet<string>>();
        var flags = new Dictionary<int, PartFlags>();

        foreach (var pk in graph.Order)
        {
            var incoming = graph.Incoming(pk);
            var owners = new HashSet<string>(StringComparer.Ordinal);
            if (roots.Contains(pk))
            {
                required.Add(pk);
                owners.Add(parts[pk].Label());
            }

            // Parents precede children in Order, so their answers are final by now.
            foreach (var edge in incoming)
            {
                if (!edge.Line.Optional && required.Contains(edge.Parent))
                {
                    required.Add(pk);
                }

                owners.UnionWith(belongsTo[edge.Parent]);
            }

            belongsTo[pk] = owners;
            var sortedOwners = owners
                .OrderBy(label => label, StringComparer.OrdinalIgnoreCase)
                .ThenBy(label => label, StringComparer.Ordinal)
                .ToArray();
            flags[pk] = new PartFlags(
                Optional: !required.Contains(pk),
                Consumable: incoming.Any(edge => edge.Line.Consumable),
                BelongsTo: sortedOwners);
        }

        return flags;
    }
}
