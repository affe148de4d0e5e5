namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>The template/variant tree (<c>variant_of</c>), tolerant of dangling parents and cycles in bad data.</summary>
internal sealed class VariantTree
{
    private readonly Dictionary<int, int?> _parentOf;
    private readonly Dictionary<int, List<int>> _childrenOf = [];
    private readonly Dictionary<int, IReadOnlyList<int>> _descendants = [];

    public VariantTree(IEnumerable<FixturePart> parts)
    {
        _parentOf = parts.ToDictionary(p => p.Pk, p => p.VariantOf);
        foreach (var (child, parent) in _parentOf)
        {
            if (parent is { } p && _parentOf.ContainsKey(p))
            {
                (_childrenOf.TryGetValue(p, out var list) ? list : _childrenOf[p] = []).Add(child);
            }
        }
        foreach (var list in _childrenOf.Values)
        {
            list.Sort();
        }
        foreach (var pk in _parentOf.Keys)
        {
            _descendants[pk] = CollectDescendants(pk);
        }
    }

    /// <summary>Every part below <paramref name="pk"/> in the variant tree, excluding itself, ordered by pk.</summary>
    public IReadOnlyList<int> Descendants(int pk) => _descendants.GetValueOrDefault(pk) ?? [];

    /// <summary>The templates above <paramref name="pk"/>, nearest first.</summary>
    public IReadOnlyList<int> Ancestors(int pk)
    {
        var result = new List<int>();
        var seen = new HashSet<int> { pk };
        for (var current = _parentOf.GetValueOrDefault(pk); current is { } p && _parentOf.ContainsKey(p) && seen.Add(p); current = _parentOf[p])
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
            foreach (var child in _childrenOf.GetValueOrDefault(pending.Pop()) ?? [])
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
