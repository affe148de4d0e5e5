using System.Text;
using MonitorDashboard.Calculation;

namespace MonitorDashboard.Tests.Calculation;

public sealed class PartsFileParserTests
{
    private static PartsFileResult Parse(string fileName, string text) => PartsFileParser.Parse(fileName, Encoding.UTF8.GetBytes(text));

    private static IEnumerable<(string Name, decimal Quantity, string? Revision)> Parts(PartsFileResult result) =>
        result.Entries.Select(e => (e.Name, e.Quantity, e.Revision));

    [Fact]
    public void A_csv_without_header_gives_name_quantity_and_revision_per_line()
    {
        var result = Parse("parts.csv", "Master Assembly,60\nWidget Assembly,5,B\r\nSensor Board, 2.5 ,\n");

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(PartsFileFormat.Csv, result.Format);
        Assert.Equal([("Master Assembly", 60m, null), ("Widget Assembly", 5m, "B"), ("Sensor Board", 2.5m, null)], Parts(result));
        Assert.Equal(["line 1", "line 2", "line 3"], result.Entries.Select(e => e.Where));
    }

    [Theory]
    [InlineData("name,quantity,revision")]
    [InlineData("Part,Qty")]
    [InlineData("\"NAME\", QUANTITY")]
    public void A_header_row_is_recognised_and_skipped(string header)
    {
        var result = Parse("parts.csv", header + "\nMaster Assembly,60\n");

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal([("Master Assembly", 60m, null)], Parts(result));
        Assert.Equal("line 2", Assert.Single(result.Entries).Where);
    }

    [Fact]
    public void Quoted_names_may_hold_commas_quotes_and_line_breaks_and_blank_lines_are_ignored()
    {
        var csv = "\"Board \"\"A\"\", 2-layer\",3\n\n   \n\"Cable,\nlong\",1\n,,\nDoohickey,\"4\",\"B\"\n";

        var result = Parse("parts.csv", csv);

        Assert.Equal(["line 4: the part name \"Cable,\\u000along\" contains a line break or another control character"], result.Problems.Select(p => p.ToString()));
        Assert.Equal([("Board \"A\", 2-layer", 3m, null), ("Doohickey", 4m, "B")], Parts(result));
        Assert.Equal("line 7", result.Entries[1].Where);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_and_other_encodings_are_refused()
    {
        var withBom = PartsFileParser.Parse("parts.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("Größe Ü,2\n")]);
        var latin1 = PartsFileParser.Parse("parts.csv", Encoding.Latin1.GetBytes("Größe Ü,2\n"));

        Assert.Equal([("Größe Ü", 2m, null)], Parts(withBom));
        Assert.Equal("file: the file is not UTF-8 text; save it as UTF-8 (in Excel: \"CSV UTF-8\")", Assert.Single(latin1.Problems).ToString());
        Assert.Empty(latin1.Entries);
    }

    [Fact]
    public void Every_bad_csv_row_is_reported_with_its_line_and_none_is_used()
    {
        var csv = string.Join("\n",
            "name,quantity,revision",
            "Master Assembly,60",
            "Widget Assembly",
            ",5",
            "Gizmo,ten",
            "Gizmo,0",
            "Gizmo,-2",
            "Gizmo,1,B,extra",
            "Gizmo;5",
            "Giz\"mo,1",
            "\"Gizmo\"x,1",
            "Gizmo,",
            "\"Unclosed,1");

        var result = Parse("parts.csv", csv);

        Assert.False(result.IsValid);
        Assert.Equal(
            [
                "line 3: expected name,quantity[,revision], found 1 column",
                "line 4: the part name is empty",
                "line 5: quantity \"ten\" is not a number (write it with a decimal point, e.g. 2.5)",
                "line 6: quantity 0 must be greater than 0",
                "line 7: quantity -2 must be greater than 0",
                "line 8: expected name,quantity[,revision], found 4 columns",
                "line 9: expected name,quantity[,revision], found 1 column (separate the columns with commas, not semicolons)",
                "line 10: a quote inside an unquoted field; put the whole field in quotes and double the quote (\"\")",
                "line 11: a quoted field must end with a quote followed by a comma or the end of the line",
                "line 12: the quantity is empty",
                "line 13: a quoted field is not closed before the end of the file",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_first_row_that_is_neither_header_nor_part_is_a_bad_row_not_a_header()
    {
        var result = Parse("parts.csv", "Widget Assembly,lots\nGizmo,1\n");

        Assert.Equal("line 1: quantity \"lots\" is not a number (write it with a decimal point, e.g. 2.5)", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void A_json_list_gives_name_quantity_and_the_optional_version()
    {
        const string json = """
            [
              { "name": "Master Assembly", "quantity": 60 },
              { "name": "Widget Assembly", "quantity": 5, "version": "B", "note": "ignored" },
              { "name": "Sensor Board", "quantity": 2.5, "version": null }
            ]
            """;

        var result = Parse("parts.json", json);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(PartsFileFormat.Json, result.Format);
        Assert.Equal([("Master Assembly", 60m, null), ("Widget Assembly", 5m, "B"), ("Sensor Board", 2.5m, null)], Parts(result));
        Assert.Equal(["$[0]", "$[1]", "$[2]"], result.Entries.Select(e => e.Where));
    }

    [Fact]
    public void Every_bad_json_entry_is_reported_with_its_index()
    {
        const string json = """
            [
              { "name": "Master Assembly", "quantity": 60 },
              { "quantity": 5 },
              { "name": "Gizmo", "quantity": "5" },
              { "name": "", "quantity": 0 },
              { "name": 7, "version": 2 },
              "Gizmo:5"
            ]
            """;

        var result = Parse("parts.json", json);

        Assert.Equal(
            [
                "$[1]: \"name\" is missing",
                "$[2]: \"quantity\" must be a number, found text \"5\"",
                "$[3]: the part name is empty",
                "$[3]: quantity 0 must be greater than 0",
                "$[4]: \"name\" must be text, found number 7",
                "$[4]: \"version\" (the part's revision) must be text such as \"B\", found number 2",
                "$[4]: \"quantity\" is missing",
                "$[5]: expected an object {\"name\", \"quantity\", \"version\"}, found text \"Gizmo:5\"",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Broken_json_and_json_that_is_not_a_list_are_refused_with_where_and_what_was_expected()
    {
        var broken = Parse("parts.json", "[\n  { \"name\": \"A\", \"quantity\": 1 },\n  { \"name\": \n]");
        var notList = Parse("parts.json", "{ \"parts\": [] }");

        Assert.StartsWith("line 4, position 1: not valid JSON; expected lines of name,quantity", Assert.Single(broken.Problems).ToString(), StringComparison.Ordinal);
        Assert.Equal("file: the file holds a JSON object; " + PartsFileParser.Expected, Assert.Single(notList.Problems).ToString());
    }

    [Theory]
    [InlineData("parts", "[{\"name\": \"A\", \"quantity\": 1}]", PartsFileFormat.Json)]
    [InlineData("parts.txt", "  \n[{\"name\": \"A\", \"quantity\": 1}]", PartsFileFormat.Json)]
    [InlineData("parts", "A,1", PartsFileFormat.Csv)]
    [InlineData("PARTS.JSON", "[{\"name\": \"A\", \"quantity\": 1}]", PartsFileFormat.Json)]
    public void Without_a_known_extension_the_content_decides_the_format(string fileName, string text, PartsFileFormat format)
    {
        var result = Parse(fileName, text);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(format, result.Format);
        Assert.Equal("A", Assert.Single(result.Entries).Name);
    }

    [Theory]
    [InlineData("parts.csv", "")]
    [InlineData("parts.csv", "\uFEFF \n\n")]
    [InlineData("parts.json", "")]
    public void An_empty_file_is_refused(string fileName, string text)
    {
        var result = Parse(fileName, text);

        Assert.Equal("file: the file is empty; " + PartsFileParser.Expected, Assert.Single(result.Problems).ToString());
    }

    [Theory]
    [InlineData("parts.csv", "name,quantity\n")]
    [InlineData("parts.json", "[]")]
    public void A_file_with_no_parts_is_refused(string fileName, string text)
    {
        Assert.Equal("file: the file lists no parts; " + PartsFileParser.Expected, Assert.Single(Parse(fileName, text).Problems).ToString());
    }

    [Fact]
    public void A_file_over_one_megabyte_is_refused_without_being_read()
    {
        var content = new byte[PartsFileParser.MaxBytes + 1];

        var result = PartsFileParser.Parse("parts.csv", content);

        Assert.Equal("file: the file is 1,048,577 bytes; a parts file may be at most 1 MB (1,048,576 bytes)", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void An_entry_becomes_a_calculator_request_by_name()
    {
        var entry = Assert.Single(Parse("parts.csv", "Widget Assembly,5,B").Entries);

        Assert.Equal(new PartRequest("Widget Assembly", "B", null, 5), entry.ToRequest());
    }
}
