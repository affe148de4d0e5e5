using MonitorDashboard.Cron;

namespace MonitorDashboard.Tests.Cron;

public sealed class CronDescriberTests
{
    [Theory]
    [InlineData("0 9 * * *", "At 09:00 every day")]
    [InlineData("30 14 * * *", "At 14:30 every day")]
    [InlineData("0 7 * * 1-5", "At 07:00 on Monday through Friday")]
    [InlineData("0 7 * * MON-FRI", "At 07:00 on Monday through Friday")]
    [InlineData("0 9,17 * * *", "At 09:00 and 17:00 every day")]
    [InlineData("0,30 9,17 * * *", "At 09:00, 09:30, 17:00 and 17:30 every day")]
    [InlineData("* * * * *", "Every minute")]
    [InlineData("*/5 * * * *", "Every 5 minutes")]
    [InlineData("5/15 * * * *", "Every 15 minutes from minute 5")]
    [InlineData("*/15 9-17 * * 1-5", "Every 15 minutes, between 09:00 and 17:59 on Monday through Friday")]
    [InlineData("0 * * * *", "Every hour on the hour")]
    [InlineData("@hourly", "Every hour on the hour")]
    [InlineData("15,45 * * * *", "Every hour at minutes 15 and 45")]
    [InlineData("0 */2 * * *", "At minute 0, every 2 hours")]
    [InlineData("0 9-12,17 * * *", "At 09:00, 10:00, 11:00, 12:00 and 17:00 every day")]
    [InlineData("0 9-17 * * *", "At minute 0, between 09:00 and 17:59")]
    [InlineData("0 8-12,17-20 * * *", "At minute 0, during 08:00–12:59 and 17:00–20:59")]
    [InlineData("*/10 * 9 * * *", "Every 10 seconds, between 09:00 and 09:59")]
    [InlineData("30 * * * * *", "At second 30 of every minute")]
    [InlineData("10-20 * * * *", "Every hour at minutes 10 through 20")]
    [InlineData("*/10 * * * * *", "Every 10 seconds")]
    [InlineData("30 0 9 * * *", "At 09:00:30 every day")]
    [InlineData("0 0 9 * * *", "At 09:00 every day")]
    [InlineData("* * * * * *", "Every second")]
    [InlineData("@daily", "At 00:00 every day")]
    [InlineData("@weekly", "At 00:00 on Sundays")]
    [InlineData("@monthly", "At 00:00 on the 1st of the month")]
    [InlineData("@yearly", "At 00:00 on the 1st of the month in January")]
    [InlineData("0 9 1,15 * *", "At 09:00 on the 1st and 15th of the month")]
    [InlineData("0 9 1-7 * MON", "At 09:00 on the 1st–7th of the month, only on Mondays")]
    [InlineData("0 9 13 * FRI", "At 09:00 on the 13th of the month, only on Fridays")]
    [InlineData("0 9 1-7 * 1#1", "At 09:00 on the 1st–7th of the month, only if that day is the first Monday of the month")]
    [InlineData("0 9 L * *", "At 09:00 on the last day of the month")]
    [InlineData("0 9 L-2 * *", "At 09:00 on the last day of the month minus 2 days")]
    [InlineData("0 9 LW * *", "At 09:00 on the last weekday of the month")]
    [InlineData("0 9 15W * *", "At 09:00 on the weekday nearest the 15th of the month")]
    [InlineData("0 9 * * 5L", "At 09:00 on the last Friday of the month")]
    [InlineData("0 9 * * FRIL", "At 09:00 on the last Friday of the month")]
    [InlineData("0 9 * * MON#2", "At 09:00 on the second Monday of the month")]
    [InlineData("0 9 ? * 0,6", "At 09:00 on Saturdays and Sundays")]
    [InlineData("0 9 * * 7", "At 09:00 on Sundays")]
    [InlineData("0 9 * * FRI-MON", "At 09:00 on Mondays and Friday through Sunday")]
    [InlineData("0 9 */2 * *", "At 09:00 on every 2nd day of the month, starting on the 1st")]
    [InlineData("0 9 * JAN-MAR *", "At 09:00 every day in January through March")]
    [InlineData("0 9 1 */3 *", "At 09:00 on the 1st of the month in January, April, July and October")]
    [InlineData("0 9 1 1,7 *", "At 09:00 on the 1st of the month in January and July")]
    public void The_description_follows_what_cronos_will_run(string expression, string expected) =>
        Assert.Equal(expected, CronDescriber.Describe(expression));

    [Fact]
    public void An_invalid_expression_has_no_description() => Assert.Null(CronDescriber.Describe("61 * * * *"));
}
