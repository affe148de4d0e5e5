using MonitorDashboard.Text;

namespace MonitorDashboard.Tests.Text;

public sealed class TextTableTests
{
    [Fact]
    public void Columns_line_up_and_numbers_align_right()
    {
        var table = new TextTable("Part", "Qty").AlignRight(1).Add("Resistor", "5").Add("LED", "1,234.5").ToString();

        Assert.Equal("Part          Qty\n--------  -------\nResistor        5\nLED       1,234.5\n", table.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_cell_longer_than_the_maximum_width_is_cut_with_an_ellipsis()
    {
        var table = new TextTable("Part", "Qty").MaxWidth(0, 6).Add("Resistor 10k", "5").ToString();

        Assert.Contains("Resis…  5", table);
    }

    [Fact]
    public void Line_breaks_in_a_cell_do_not_tear_the_table()
    {
        var table = new TextTable("Part").Add("Two\nlines").ToString();

        Assert.Contains("Two lines", table);
    }
}
