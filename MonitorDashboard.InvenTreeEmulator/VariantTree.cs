namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>The template/variant tree (<c>variant_of</c>), tolerant of dangling parents and cycles in bad data.</summary>
internal sealed class VariantTree
{
    private readonly Dictionary<int, int?> parentOf;
    private readonly Dictionary<int, List<int>> childrenOf = [];
    private readonly Dictionary<int, IReadOnlyList<int>> descendants = [];

    public VariantTree(IEnumerable<FixturePart> parts)
    {
        parentOf = parts.ToDictionary(p => p.Pk, p => p.VariantOf);
        foreach (var (child, parent) in parentOf)
        {
            if (parent is { } p && parentOf.ContainsKey(p))
            {
                (childrenOf.TryGetValue(p, out var list) ? list : childrenOf[p] = []).Add(child);
            }
        }
        foreach (var list in childrenOf.Values)
        {
            list.Sort();
        }
        foreach (var pk in parentOf.Keys)
        {
            descendants[pk] = CollectDescendants(pk);
        }
    }

    /// <summary>Every part below <paramref name="pk"/> in the variant tree, excluding itself, ordered by pk.</summary>
    public IReadOnlyList<int> Descendants(int pk) => descendants.GetValueOrDefault(pk) ?? [];

    /// <summary>The templates above <paramref name="pk"/>, nearest first.</summary>
    public IReadOnlyList<int> Ancestors(int pk)
    {
        var result = new List<int>();
        var seen = new HashSet<int> { pk };
        for (var current = parentOf.GetValueOrDefault(pk); current is { } p && parentOf.ContainsKey(p) && seen.Add(p); current = parentOf[p])
        {
            result.Add(p);
        }
        return result;
    }

    private List<int> CollectDescendants(int pk)
    {
        var result = new List<int>();
        var seen = new HashSet<int> { pk };
        var pending = new Stack<int>();
        pending.Push(pk);
        while (pending.Count > 0)
        {
            foreach (var child in childrenOf.GetValueOrDefault(pending.Pop()) ?? [])
            {
                if (seen.Add(child))
                {
                    result.Add(child);
                    pending.Push(child);
                }
            }
        }
        result.Sort();
        return result;
    }
}
