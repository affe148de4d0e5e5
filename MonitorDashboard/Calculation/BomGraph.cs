using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Calculation;

/// <summary>One usable BOM line: <paramref name="Parent"/> is the assembly whose list the line was found in.</summary>
internal sealed record BomEdge(int Parent, int Child, InvenTreeBomItem Line);

/// <summary>
/// The acyclic BOM graph reachable from the top-level parts: only lines that the calculation uses
/// (valid, not excluded, not closing a cycle), with its parts in parents-before-children order.
/// </summary>
internal sealed class BomGraph
{
    private static readonly IReadOnlyList<BomEdge> NoEdges = [];

    private readonly IReadOnlyDictionary<int, IReadOnlyList<BomEdge>> _outgoing;
    private readonly IReadOnlyDictionary<int, IReadOnlyList<BomEdge>> _incoming;

    public BomGraph(
        IReadOnlyList<int> roots,
        IReadOnlyList<int> order,
        IReadOnlyDictionary<int, IReadOnlyList<BomEdge>> outgoing,
        IReadOnlyDictionary<int, IReadOnlyList<BomEdge>> incoming)
    {
        Roots = roots;
        Order = order;
        _outgoing = outgoing;
        _incoming = incoming;
    }

    /// <summary>The top-level parts, in request order.</summary>
    public IReadOnlyList<int> Roots { get; }

    /// <summary>Every part of the tree, each before all of its children (a topological order).</summary>
    public IReadOnlyList<int> Order { get; }

    /// <summary>The lines of assembly <paramref name="pk"/> that are exploded.</summary>
    public IReadOnlyList<BomEdge> Outgoing(int pk) => _outgoing.GetValueOrDefault(pk, NoEdges);

    /// <summary>The lines into part <paramref name="pk"/> from assemblies in the tree.</summary>
    public IReadOnlyList<BomEdge> Incoming(int pk) => _incoming.GetValueOrDefault(pk, NoEdges);
}
