using System.Globalization;
using MonitorDashboard.Email.Templates;

namespace MonitorDashboard.Tests.Email.Templates;

public sealed class ValueFormatterTests
{
    [Theory]
    [InlineData("en", 1234.5, "1,234.5")]
    [InlineData("de", 1234.5, "1.234,5")]
    [InlineData("fr", 1234.5, "1\u202f234,5")]
    [InlineData("en", 0.00049, "0")]
    [InlineData("en", 2.0005, "2.001")]
    [InlineData("en", -12.5, "-12.5")]
    [InlineData("en", 3, "3")]
    public void Quantities_use_the_culture_and_three_decimals_at_most(string culture, double value, string expected)
    {
        var f = new ValueFormatter(CultureInfo.GetCultureInfo(culture), TimeZoneInfo.Utc);

        Assert.Equal(expected, f.Quantity((decimal)value));
    }

    [Theory]
    [InlineData(45, "45 s")]
    [InlineData(20 * 60, "20 min")]
    [InlineData(3 * 3600 + 20 * 60, "3 h 20 min")]
    [InlineData(2 * 86400 + 3 * 3600, "2 d 3 h")]
    public void Durations_read_naturally(int seconds, string expected) =>
        Assert.Equal(expected, ValueFormatter.Duration(TimeSpan.FromSeconds(seconds)));
}
