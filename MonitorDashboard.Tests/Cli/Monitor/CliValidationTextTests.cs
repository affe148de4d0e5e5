using MonitorDashboard.Cli.Monitor;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Tests.Cli.Monitor;

public sealed class CliValidationTextTests
{
    [Theory]
    [InlineData("cron_schedule", "cron_schedule \"x\" is empty", "--schedule \"x\" is empty")]
    [InlineData("notify_condition", "notify_condition \"x\" must be \"always\" or \"on_change\"", "--notify-condition \"x\" must be \"always\" or \"on_change\"")]
    [InlineData("name", "name must not be empty", "--name must not be empty")]
    [InlineData("parts", "parts[2] name must not be empty", "--parts[2] name must not be empty")]
    [InlineData("parts", "part \"Gizmo\" quantity 0 must be greater than 0", "--parts: part \"Gizmo\" quantity 0 must be greater than 0")]
    [InlineData("timezone", "timezone \"X\" is not a known IANA time zone", "--timezone \"X\" is not a known IANA time zone")]
    [InlineData("id", "id is missing", "id is missing")]
    public void Names_the_option_the_user_typed_instead_of_the_file_field(string field, string detail, string expected) =>
        Assert.Equal(expected, CliValidationText.Describe(new ValidationError(field, detail, "List \"L\": " + detail)));
}
