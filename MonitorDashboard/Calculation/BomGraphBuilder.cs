using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Calculation;

/// <summary>
/// Walks the BOMs depth-first from the top-level parts, drops the lines the calculation cannot use
/// (with a warning), breaks cycles at the line that closes them, and orders the parts topologically.
/// </summary>
internal sealed class BomGraphBuilder
{
    private enum Mark { Unseen, OnPath, Done }

    private readonly IReadOnlyDictionary<int, InvenTreePart> _parts;
    private readonly IReadOnlyDictionary<int, IReadOnlyList<InvenTreeBomItem>> _boms;
    private readonly bool _excludeOptional;
    private readonly WarningLog _warnings;

    private readonly Dictionary<int, Mark> _marks = [];
    private readonly List<int> _path = [];
    private readonly List<int> _postOrder = [];
    private readonly Dictionary<int, List<BomEdge>> _outgoing = [];
    private readonly Dictionary<int, List<BomEdge>> _incoming = [];

    private BomGraphBuilder(
        IReadOnlyDictionary<int, InvenTreePart> parts,
        IReadOnlyDictionary<int, IReadOnlyList<InvenTreeBomItem>> boms,
        bool excludeOptional,
        WarningLog warnings)
    {
        _parts = parts;
        _boms = boms;
        _excludeOptional = excludeOptional;
        _warnings = warnings;
    }

    /// <param name="parts">Must contain every root.</param>
    public static BomGraph Build(
        IReadOnlyList<int> roots,
        IReadOnlyDictionary<int, InvenTreePart> parts,
        IReadOnlyDictionary<int, IReadOnlyList<InvenTreeBomItem>> boms,
        bool excludeOptional,
        WarningLog warnings)
    {
        var builder = new BomGraphBuilder(parts, boms, excludeOptional, warnings);
        foreach (var root in roots)
        {
            if (builder._marks.GetValueOrDefault(root) == Mark.Unseen)
            {
                builder.Visit(root);
            }
        }

        // Reverse post-order of a DFS puts every parent before its children once back edges are dropped.
        var order = Enumerable.Reverse(builder._postOrder).ToArray();
        return new BomGraph(roots, order, Freeze(builder._outgoing), Freeze(builder._incoming));
    }

    private void Visit(int pk)
    {
        _marks[pk] = Mark.OnPath;
        _path.Add(pk);

        foreach (var edge in UsableLines(pk))
        {
            var mark = _marks.GetValueOrDefault(edge.Child);
            if (mark == Mark.OnPath)
            {
                _warnings.Add(CycleMessage(edge.Child));
                continue;
            }

            Add(_outgoing, edge.Parent, edge);
            Add(_incoming, edge.Child, edge);
            if (mark == Mark.Unseen)
            {
                Visit(edge.Child);
            }
        }

        _path.RemoveAt(_path.Count - 1);
        _marks[pk] = Mark.Done;
        _postOrder.Add(pk);
    }

    private IEnumerable<BomEdge> UsableLines(int pk)
    {
        var assembly = _parts[pk];
        if (!assembly.Assembly)
        {
            yield break;
        }

        if (!_boms.TryGetValue(pk, out var lines) || lines.Count == 0)
        {
            _warnings.Add($"Assembly {assembly.Label()} has no BOM lines");
            yield break;
        }

        foreach (var line in lines)
        {
            if (_excludeOptional && line.Optional)
            {
                continue;
            }

            if (!_parts.TryGetValue(line.SubPart, out var child))
            {
                _warnings.Add($"BOM of {assembly.Label()}: sub-part #{line.SubPart} (line #{line.Pk}) was not found; line skipped");
                continue;
            }

            if (line.Quantity <= 0)
            {
                _warnings.Add($"BOM line {assembly.Label()} → {child.Label()} has quantity {line.Quantity.Format()}; line skipped");
                continue;
            }

            yield return new BomEdge(pk, line.SubPart, line);
        }
    }

    private string CycleMessage(int closingPk)
    {
        var start = _path.IndexOf(closingPk);
        var names = _path.Skip(start).Append(closingPk).Select(pk => _parts[pk].Label());
        return "BOM cycle: " + string.Join(" → ", names) + "; the closing line is ignored";
    }

    private static void Add(Dictionary<int, List<BomEdge>> map, int key, BomEdge edge)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(edge);
    }

    private static Dictionary<int, IReadOnlyList<BomEdge>> Freeze(Dictionary<int, List<BomEdge>> map) =>
        map.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<BomEdge>)pair.Value.ToArray());
}
