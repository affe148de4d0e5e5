using MonitorDashboard.Cron;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Tests.Presets;

public sealed class MonitoringListValidatorTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly MonitoringListValidator _validator = TempPresetsFolder.CreateValidator(Time);

    private static MonitoringList Valid => PresetsSamples.ValidList("Widget line") with { Id = "11111111-2222-3333-4444-555555555555" };

    private string[] ErrorsOf(MonitoringList list, params MonitoringList[] others) =>
        _validator.Validate(list, others).Errors.Select(e => e.Message).ToArray();

    [Fact]
    public void A_valid_list_has_no_errors() => Assert.Empty(ErrorsOf(Valid));

    public static TheoryData<string, string> CronCases => new()
    {
        { "*/2 * * * *", "List \"Widget line\": cron_schedule \"*/2 * * * *\" runs every 2 minutes, more often than the minimum interval of 5 minutes" },
        { "0,1 9 * * *", "List \"Widget line\": cron_schedule \"0,1 9 * * *\" runs as little as 1 minute apart, more often than the minimum interval of 5 minutes" },
        { "*/10 * * * * *", "List \"Widget line\": cron_schedule \"*/10 * * * * *\" runs every 10 seconds, more often than the minimum interval of 5 minutes" },
        { "@every_minute", "List \"Widget line\": cron_schedule \"@every_minute\" runs every 1 minute, more often than the minimum interval of 5 minutes" },
        { "0,58 0,23 1,31 * *", "List \"Widget line\": cron_schedule \"0,58 0,23 1,31 * *\" runs as little as 2 minutes apart, more often than the minimum interval of 5 minutes" },
        { "* * * *", "List \"Widget line\": cron_schedule \"* * * *\" has 4 fields; expected 5 (minute hour day-of-month month day-of-week), 6 (with seconds first) or a macro such as @daily" },
        { "60 * * * *", "List \"Widget line\": cron_schedule \"60 * * * *\" is invalid: Minutes: Value must be a number between 0 and 59 (all inclusive)." },
        { "@reboot", "List \"Widget line\": cron_schedule \"@reboot\" is not a supported macro; use one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, @every_minute, @every_second" },
        { "", "List \"Widget line\": cron_schedule \"\" is empty" },
        { "0 9 30 2 *", "List \"Widget line\": cron_schedule \"0 9 30 2 *\" never runs: no date matches its day-of-month, month and day-of-week" },
        { "0 9 1-7 * 1#2", "List \"Widget line\": cron_schedule \"0 9 1-7 * 1#2\" never runs: no date matches its day-of-month, month and day-of-week" },
    };

    [Theory]
    [MemberData(nameof(CronCases))]
    public void An_invalid_cron_is_reported_with_its_list_and_field(string cron, string message) =>
        Assert.Equal([message], ErrorsOf(Valid with { CronSchedule = cron }));

    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("@hourly")]
    [InlineData("0 0 9 * * *")]
    [InlineData("0 7 * * 1-5")]
    [InlineData("0,5 * * * *")]
    [InlineData("55 23 * * *")]
    [InlineData("0 9 29 2 1")]
    public void A_cron_at_or_above_the_minimum_interval_is_accepted(string cron) => Assert.Empty(ErrorsOf(Valid with { CronSchedule = cron }));

    [Fact]
    public void The_minimum_cron_interval_comes_from_the_options()
    {
        var strict = TempPresetsFolder.CreateValidator(Time, new ScheduleOptions { MinimumInterval = TimeSpan.FromHours(2) });

        var errors = strict.Validate(Valid with { CronSchedule = "@hourly" }, []).Errors;

        Assert.Equal("cron_schedule \"@hourly\" runs every 1 hour, more often than the minimum interval of 2 hours", Assert.Single(errors).Detail);
    }

    [Fact]
    public void A_cron_with_day_of_month_and_day_of_week_gives_a_warning_not_an_error()
    {
        var result = _validator.Validate(Valid with { CronSchedule = "0 9 1-7 * MON" }, []);

        Assert.True(result.IsValid);
        Assert.Contains("restricts both day-of-month and day-of-week; a run needs BOTH to match (At 09:00 on the 1st–7th of the month, only on Mondays)", Assert.Single(result.Warnings));
    }

    public static TheoryData<Func<MonitoringList, MonitoringList>, string> FieldCases => new()
    {
        { l => l with { Name = "  " }, "List 11111111-2222-3333-4444-555555555555: name must not be empty" },
        { l => l with { Name = "Line\nTwo" }, "List \"Line\nTwo\": name must not contain control characters (line breaks, tabs...)" },
        { l => l with { Id = "" }, "List \"Widget line\": id is missing" },
        { l => l with { Parts = [] }, "List \"Widget line\": parts must contain at least one part" },
        { l => l with { Parts = [new MonitoredPart { Name = "Widget", Quantity = 0 }] }, "List \"Widget line\": part \"Widget\" quantity 0 must be greater than 0" },
        { l => l with { Parts = [new MonitoredPart { Name = "Widget", Quantity = -1.5m }] }, "List \"Widget line\": part \"Widget\" quantity -1.5 must be greater than 0" },
        { l => l with { Parts = [new MonitoredPart { Name = "", Quantity = 1 }] }, "List \"Widget line\": parts[1] name must not be empty" },
        { l => l with { TimeZone = "Mars/Olympus" }, "List \"Widget line\": timezone \"Mars/Olympus\" is not a known IANA time zone (e.g. Europe/Berlin)" },
        { l => l with { Recipients = ["not-an-address"] }, "List \"Widget line\": recipients \"not-an-address\" is not a valid email address" },
        { l => l with { Recipients = ["a@localhost"] }, "List \"Widget line\": recipients \"a@localhost\" is not a valid email address" },
        { l => l with { Recipients = ["Boss <boss@example.com>"] }, "List \"Widget line\": recipients \"Boss <boss@example.com>\" is not a valid email address" },
        { l => l with { Recipients = ["a@example.com\r\nBcc: x@evil.com"] }, "List \"Widget line\": recipients \"a@example.com\\u000d\\u000aBcc: x@evil.com\" is not a valid email address" },
        { l => l with { Recipients = [.. Enumerable.Range(0, 51).Select(i => $"p{i}@example.com")] }, "List \"Widget line\": recipients has 51 addresses; at most 50 are allowed" },
        { l => l with { NotifyCondition = "sometimes" }, "List \"Widget line\": notify_condition \"sometimes\" must be \"always\" or \"on_change\"" },
    };

    [Theory]
    [MemberData(nameof(FieldCases))]
    public void An_invalid_field_is_reported_with_its_list_and_field(Func<MonitoringList, MonitoringList> breakIt, string message) =>
        Assert.Equal([message], ErrorsOf(breakIt(Valid)));

    [Theory]
    [InlineData("A < B & \"C\" 'D'")]
    [InlineData("Förderband – Linie 2")]
    public void A_name_of_free_text_with_markup_characters_is_accepted(string name) => Assert.Empty(ErrorsOf(Valid with { Name = name }));

    [Theory]
    [InlineData("planning+weekly@example.com")]
    [InlineData("first.last@sub.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    public void A_valid_recipient_address_is_accepted(string address) => Assert.Empty(ErrorsOf(Valid with { Recipients = [address] }));

    [Fact]
    public void A_duplicate_id_or_name_marks_only_the_later_list()
    {
        var first = Valid;
        var second = Valid with { Name = "WIDGET LINE " };
        var third = PresetsSamples.ValidList("Other") with { Id = first.Id.ToUpperInvariant() };

        var results = _validator.ValidateAll([first, second, third]);

        Assert.True(results[0].IsValid);
        Assert.Equal(["id", "name"], results[1].Errors.Select(e => e.Field));
        Assert.Equal($"List \"Other\": id \"{third.Id}\" is used by another list", Assert.Single(results[2].Errors).Message);
    }

    [Fact]
    public void A_list_a_change_touched_conflicts_with_an_earlier_or_a_later_list_of_the_same_name()
    {
        var first = Valid;
        var second = PresetsSamples.ValidList("Other");
        var third = PresetsSamples.ValidList("Third") with { Name = " widget line" };

        var results = _validator.ValidateAll([first, second, third], new HashSet<int> { 0 });

        Assert.Equal(["name"], results[0].Errors.Select(e => e.Field)); // touched: the later duplicate counts too
        Assert.True(results[1].IsValid);
        Assert.Equal(["name"], results[2].Errors.Select(e => e.Field)); // untouched: the earlier one wins
    }

    [Fact]
    public void A_thousand_lists_with_the_same_schedule_are_each_validated_with_their_own_errors()
    {
        var lists = Enumerable.Range(0, 1000)
            .Select(i => PresetsSamples.ValidList($"List {i}") with { Id = Guid.NewGuid().ToString("D"), Recipients = i == 500 ? ["not-an-address"] : ["a@example.com"] })
            .ToList();

        var results = _validator.ValidateAll(lists);

        Assert.Equal(999, results.Count(r => r.IsValid));
        Assert.Equal("List \"List 500\": recipients \"not-an-address\" is not a valid email address", Assert.Single(results[500].Errors).Message);
    }

    [Fact]
    public void Checking_a_schedule_gives_its_description_and_next_runs_in_the_lists_zone()
    {
        var check = _validator.CheckSchedule("0 7 * * 1-5", "Europe/Berlin", upcoming: 3);

        Assert.True(check.IsValid);
        Assert.Equal("At 07:00 on Monday through Friday", check.Description);
        Assert.Equal(
            [new DateTimeOffset(2025, 6, 3, 7, 0, 0, TimeSpan.FromHours(2)), new DateTimeOffset(2025, 6, 4, 7, 0, 0, TimeSpan.FromHours(2)),
             new DateTimeOffset(2025, 6, 5, 7, 0, 0, TimeSpan.FromHours(2))],
            check.NextRuns);
    }

    [Fact]
    public void Checking_a_schedule_without_a_zone_uses_the_configured_default()
    {
        var check = _validator.CheckSchedule("0 7 * * *", null, upcoming: 1);

        Assert.Equal(TimeZoneInfo.Utc.BaseUtcOffset, check.NextRuns[0].Offset);
        Assert.Equal(new DateTimeOffset(2025, 6, 3, 7, 0, 0, TimeSpan.Zero), check.NextRuns[0]);
    }
}
