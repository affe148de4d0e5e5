using MonitorDashboard.Components.Pages.Lists;
using MonitorDashboard.Monitoring.State;

namespace MonitorDashboard.Tests.Components.Pages.Lists;

public sealed class ListRowsTests
{
    [Fact]
    public void A_list_keeps_its_row_when_its_view_changes_and_a_new_list_gets_a_new_row()
    {
        var rows = new ListRows();
        var first = rows.For([View("a", "Alpha"), View("b", "Beta")]);

        var second = rows.For([View("a", "Alpha renamed"), View("c", "Gamma"), View("b", "Beta")]);

        Assert.Same(first[0], second[0]);
        Assert.Equal("Alpha renamed", second[0].View.Name);
        Assert.Same(first[1], second[2]);
        Assert.DoesNotContain(second[1], first);
        Assert.Equal(["Alpha renamed", "Gamma", "Beta"], second.Select(r => r.View.Name));
    }

    [Fact]
    public void Two_lists_with_the_same_id_get_a_row_each_and_the_same_array_gives_the_same_rows()
    {
        var rows = new ListRows();
        ListView[] lists = [View("dup", "One"), View("dup", "Two")];

        var shown = rows.For(lists);

        Assert.NotSame(shown[0], shown[1]);
        Assert.Equal(["One", "Two"], shown.Select(r => r.View.Name));
        Assert.Same(shown, rows.For(lists));
    }

    private static ListView View(string id, string name) =>
        new(id, name, true, true, [], "0 7 * * *", "At 07:00", "UTC", ["a@example.com"], "always", ["Widget:1"], null, null, null, null);
}
