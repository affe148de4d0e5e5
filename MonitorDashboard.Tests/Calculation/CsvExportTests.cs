using System.Globalization;
using MonitorDashboard.Calculation;

namespace MonitorDashboard.Tests.Calculation;

public sealed class CsvExportTests
{
    private static OrderRow Order(string name, decimal toOrder = 3, string? ipn = null, params string[] belongsTo) =>
        new(101, name, ipn, null, Optional: false, Consumable: false, Needed: 10, TotalInStock: 7, RequiredForBuildOrders: 0,
            RequiredForSalesOrders: 0, Available: 7, OnOrder: 0, ToOrder: toOrder, belongsTo, []);

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Resistor 10k, 0603", "\"Resistor 10k, 0603\"")] // comma
    [InlineData("Cable 5\" long", "\"Cable 5\"\" long\"")] // quote doubled
    [InlineData("two\nlines", "\"two\nlines\"")] // line break
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    [InlineData("", "")]
    [InlineData("semi;colon", "semi;colon")] // not special in RFC 4180
    public void Fields_are_quoted_only_when_they_must_be(string value, string expected) =>
        Assert.Equal(expected, CsvExport.Field(value));

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-5V rail", "'-5V rail")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Normal name", "Normal name")]
    [InlineData(null, "")]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_is_defused(string? value, string expected) =>
        Assert.Equal(expected, CsvExport.Text(value));

    [Fact]
    public void Parts_to_order_have_a_header_CRLF_line_ends_and_quoted_names()
    {
        var csv = CsvExport.PartsToOrder([Order("Capacitor 100nF, 0603", 12.5m, "C-100N", "Master Assembly", "Widget Assembly@B")]);

        var lines = csv.Split("\r\n");
        Assert.Equal(3, lines.Length); // header, one row, and the empty rest after the final CRLF
        Assert.Equal("", lines[2]);
        Assert.StartsWith("Part ID,Name,Revision,IPN,Optional,Consumable,Needed,In stock,", lines[0], StringComparison.Ordinal);
        Assert.Equal("101,\"Capacitor 100nF, 0603\",,C-100N,no,no,10,7,0,0,7,0,12.5,Master Assembly; Widget Assembly@B,", lines[1]);
    }

    [Fact]
    public void Numbers_use_the_invariant_culture_and_keep_every_decimal_whatever_the_thread_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var csv = CsvExport.PartsToOrder([Order("Solder Paste", 52.2345m)]);

            Assert.Contains(",52.2345,", csv, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Substitutes_are_listed_with_their_pk_and_availability()
    {
        var row = Order("Buck Converter IC 3A") with { Substitutes = [new SubstituteInfo(133, "Buck Converter IC 3A, alt", 9)] };

        var csv = CsvExport.PartsToOrder([row]);

        Assert.EndsWith(",\"Buck Converter IC 3A, alt (#133, available 9)\"\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Subassemblies_show_in_production_and_to_build()
    {
        var row = new BuildRow(104, "Power Supply Board", "PCA-PSU", "2", Optional: true, Consumable: false, Needed: 54,
            TotalInStock: 14, RequiredForBuildOrders: 8, RequiredForSalesOrders: 0, Available: 6, InProduction: 10, ToBuild: 38, ["Master Assembly"]);

        var lines = CsvExport.SubassembliesToBuild([row]).Split("\r\n");

        Assert.Equal("Part ID,Name,Revision,IPN,Optional,Consumable,Needed,In stock,Required for builds,Required for sales,Available,In production,To build,Belongs to", lines[0]);
        Assert.Equal("104,Power Supply Board,2,PCA-PSU,yes,no,54,14,8,0,6,10,38,Master Assembly", lines[1]);
    }

    [Fact]
    public void An_empty_table_is_just_the_header() =>
        Assert.StartsWith("Part ID,", Assert.Single(CsvExport.PartsToOrder([]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);

    [Fact]
    public void Replenished_lines_add_the_demand_and_replenishment_columns_and_plain_ones_do_not()
    {
        var plain = Order("Resistor");
        var replenished = plain with { ToOrder = 62, Replenishment = 20, MinimumStock = 20 };

        var withSplit = CsvExport.PartsToOrder([replenished]).Split("\r\n");
        var without = CsvExport.PartsToOrder([plain]).Split("\r\n");

        Assert.EndsWith(",Substitutes,For demand,Replenish,Minimum stock", withSplit[0], StringComparison.Ordinal);
        Assert.EndsWith(",62,,,42,20,20", withSplit[1], StringComparison.Ordinal);
        Assert.EndsWith(",Belongs to,Substitutes", without[0], StringComparison.Ordinal);
        Assert.Equal(15, without[1].Split(',').Length);
    }
}
