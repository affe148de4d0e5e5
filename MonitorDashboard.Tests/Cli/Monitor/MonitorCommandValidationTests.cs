using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Cli.Monitor;

/// <summary>Bad input to <c>add</c> and <c>update</c>: exit 1, one line naming the option to fix, the file untouched.</summary>
[ProcessTests]
public sealed class MonitorCommandValidationTests
{
    private static readonly string[] ValidAdd = ["add", "--name", "New list", "--parts", "Gizmo:1", "--schedule", "0 9 * * *", "--recipients", "a@example.com"];

    public static TheoryData<string, string, string> BadAddInput => new()
    {
        { "--schedule", "0 9 * *", "--schedule \"0 9 * *\" has 4 fields; expected 5" },
        { "--schedule", "*/2 * * * *", "--schedule \"*/2 * * * *\" runs every 2 minutes, more often than the minimum interval of 5 minutes" },
        { "--recipients", "a@example.com,not an address", "--recipients \"not an address\" is not a valid email address" },
        { "--timezone", "Mars/Olympus", "--timezone \"Mars/Olympus\" is not a known IANA time zone (e.g. Europe/Berlin)" },
        { "--name", "  ", "--name must not be empty" },
        { "--name", "WIDGET LINE, WEEKLY", "--name \"WIDGET LINE, WEEKLY\" is already used by another list" },
        { "--parts", "Gizmo", "--parts \"Gizmo\" is not Name:quantity" },
        { "--parts", "Gizmo:0", "--parts \"Gizmo:0\": quantity must be greater than 0" },
        { "--parts", "1525:5", "--parts \"1525:5\": a monitoring list names its parts; write the part's name" },
        { "--parts", " , ", "--parts is empty; give at least one part as Name:quantity" },
    };

    [Theory]
    [MemberData(nameof(BadAddInput))]
    public async Task Add_refuses_bad_input_with_exit_1_and_one_line_naming_the_option(string option, string value, string expected)
    {
        using var presets = new MonitorPresetsFolder();
        var args = ValidAdd.ToList();
        if (!args.Contains(option))
        {
            args.AddRange([option, ""]);
        }
        args[args.IndexOf(option) + 1] = value;

        var result = await presets.RunAsync([.. args]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: " + expected, result.SingleErrorLine()[..("error: " + expected).Length]);
        Assert.Empty(result.StdOut);
        Assert.Equal(presets.Original, presets.Text);
        Assert.False(File.Exists(presets.BackupPath));
    }

    [Fact]
    public async Task Several_problems_are_reported_together_on_one_line()
    {
        using var presets = new MonitorPresetsFolder();

        var result = await presets.RunAsync(
            "add", "--name", "New list", "--parts", "Gizmo:x,Widget:2", "--schedule", "*/1 * * * *", "--recipients", "nobody");

        Assert.Equal(1, result.ExitCode);
        var line = result.SingleErrorLine();
        Assert.Equal(
            "error: --parts \"Gizmo:x\": quantity \"x\" is not a number; " +
            "--schedule \"*/1 * * * *\" runs every 1 minute, more often than the minimum interval of 5 minutes; " +
            "--recipients \"nobody\" is not a valid email address",
            line);
    }

    [Theory]
    [InlineData(new[] { "update", "3f1c", "--name", "sensor spares" }, "error: --name \"sensor spares\" is already used by another list")]
    [InlineData(new[] { "update", "3f1c", "--schedule", "* * * * * *" }, "error: --schedule \"* * * * * *\" runs every 1 second")]
    [InlineData(new[] { "update", "3f1c", "--parts", "Widget Assembly@:3" }, "error: --parts \"Widget Assembly@:3\": part name revision is empty")]
    [InlineData(new[] { "update", "a0c4", "--recipients", "ok@example.com" }, "error: --schedule \"*/2 * * * *\" runs every 2 minutes")]
    public async Task Update_refuses_a_change_that_leaves_the_list_invalid(string[] args, string expected)
    {
        using var presets = new MonitorPresetsFolder();

        var result = await presets.RunAsync(args);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(expected, result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Equal(presets.Original, presets.Text);
    }
}
