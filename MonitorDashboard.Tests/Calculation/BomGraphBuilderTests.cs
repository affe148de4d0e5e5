using MonitorDashboard.Calculation;

namespace MonitorDashboard.Tests.Calculation;

public sealed class BomGraphBuilderTests
{
    [Fact]
    public void Order_puts_every_parent_before_its_children_even_when_a_child_is_seen_first()
    {
        // A lists C before B, and B also uses C: a naive depth-first visit would place C before B.
        var data = new BomDataBuilder()
            .Assembly(1, "A").Assembly(2, "B").Assembly(3, "C").Bought(4, "D")
            .Line(1, 3, 1).Line(1, 2, 1).Line(2, 3, 1).Line(3, 4, 1).Line(2, 4, 1)
            .Build();

        var graph = BomGraphBuilder.Build([1], data.Parts, data.Boms, excludeOptional: false, new WarningLog());

        Assert.Equal([1, 2, 3, 4], graph.Order);
        var position = graph.Order.Select((pk, index) => (pk, index)).ToDictionary(p => p.pk, p => p.index);
        Assert.All(graph.Order.SelectMany(graph.Outgoing), edge => Assert.True(position[edge.Parent] < position[edge.Child]));
    }

    [Fact]
    public void Cycle_closing_line_is_left_out_of_the_graph()
    {
        var data = new BomDataBuilder()
            .Assembly(1, "A").Assembly(2, "B").Assembly(3, "C")
            .Line(1, 2, 1).Line(2, 3, 1).Line(3, 1, 1)
            .Build();
        var warnings = new WarningLog();

        var graph = BomGraphBuilder.Build([1], data.Parts, data.Boms, excludeOptional: false, warnings);

        Assert.Empty(graph.Outgoing(3));
        Assert.Equal([2], graph.Incoming(3).Select(e => e.Parent));
        Assert.Equal(["BOM cycle: A → B → C → A; the closing line is ignored"], warnings.ToList());
    }
}
