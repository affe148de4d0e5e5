using AngleSharp.Html.Parser;
using MonitorDashboard.Email;
using MonitorDashboard.Email.Templates;

namespace MonitorDashboard.Tests.Email.Templates;

public sealed class NoticeRendererTests
{
    private static readonly DateTimeOffset Since = new(2025, 11, 26, 6, 0, 0, TimeSpan.Zero);

    public static TheoryData<NoticeModel, string, string[]> Notices => new()
    {
        {
            new CheckFailingNotice("id-1", "Widget line", "InvenTree did not answer within 30 s", Since, 4),
            "[MonitorDashboard] Check failing: Widget line",
            ["Checks are failing: Widget line", "InvenTree did not answer within 30 s", "4 attempt(s)", "Wed 26 Nov 2025 07:00 UTC+01:00 (Europe/Berlin)"]
        },
        {
            new CheckRecoveredNotice("id-1", "Widget line", Since, Since.AddHours(3).AddMinutes(20)),
            "[MonitorDashboard] Check recovered: Widget line",
            ["Checks recovered: Widget line", "3 h 20 min", "Wed 26 Nov 2025 10:20 UTC+01:00 (Europe/Berlin)"]
        },
        {
            new DeliveryFailingNotice("id-1", "Widget line", ["planning@example.com", "buyer@example.com"], "SMTP server refused: 550 mailbox unavailable", Since),
            "[MonitorDashboard] Email delivery failing: Widget line",
            ["Email delivery failing: Widget line", "550 mailbox unavailable", "buyer@example.com"]
        },
        {
            new DeliveryRecoveredNotice("id-1", "Widget line", Since, Since.AddMinutes(95), WasTold: false),
            "[MonitorDashboard] Email delivery recovered: Widget line",
            ["Email delivery recovered: Widget line", "1 h 35 min", "You were not told when delivery started failing", "Wed 26 Nov 2025 08:35 UTC+01:00 (Europe/Berlin)"]
        },
        {
            new ListInvalidNotice("id-2", "Gadget line", ["cron_schedule: \"61 * * * *\" is not valid", "parts: none"]),
            "[MonitorDashboard] List invalid: Gadget line",
            ["List invalid: Gadget line", "\"61 * * * *\" is not valid", "parts: none", "not scheduled"]
        },
        {
            new ListInvalidNotice("id-2", "Gadget line", ["recipients: none"], Deactivated: true),
            "[MonitorDashboard] List deactivated: Gadget line",
            ["List deactivated: Gadget line", "recipients: none", "was deactivated"]
        },
        {
            new PresetsUnreadableNotice("/srv/monitor/presets.json", "'}' is invalid after a value", 12, 5),
            "[MonitorDashboard] Presets file unreadable: presets.json",
            ["The presets file cannot be read", "/srv/monitor/presets.json", "line 12, column 5", "'}' is invalid after a value"]
        },
        {
            new SystemNotice("Monitoring lists restored in presets.json", "Another program saved presets.json without its monitoring lists; Widget line is back.",
                "The file as the other program left it is kept in presets.json.backups.", Since),
            "[MonitorDashboard] Monitoring lists restored in presets.json",
            ["Monitoring lists restored in presets.json", "Widget line is back", "presets.json.backups", "Wed 26 Nov 2025 07:00 UTC+01:00 (Europe/Berlin)"]
        },
    };

    [Theory]
    [MemberData(nameof(Notices))]
    public void Every_notice_kind_renders_both_parts_for_the_admins(NoticeModel notice, string subject, string[] texts)
    {
        using var rendering = EmailRendering.Create(defaultZone: "Europe/Berlin");

        var message = rendering.Notices.RenderNotice(notice);

        Assert.Equal(EmailKind.AdminNotice, message.Kind);
        Assert.Equal(subject, message.Subject);
        Assert.Equal(["admin@example.com"], message.To);
        var htmlText = new HtmlParser().ParseDocument(message.HtmlBody).Body!.TextContent;
        Assert.All(texts, t => Assert.Contains(t, htmlText));
        Assert.All(texts, t => Assert.Contains(t, message.TextBody));
        Assert.Empty(new HtmlParser().ParseDocument(message.HtmlBody).QuerySelectorAll("style"));
    }

    [Fact]
    public void A_notice_encodes_names_and_errors_and_cleans_the_subject()
    {
        using var rendering = EmailRendering.Create();

        var message = rendering.Notices.RenderNotice(
            new CheckFailingNotice("id-1", "<b>Line</b>\r\nBcc: x@example.com", "<img src=x onerror=alert(1)>", Since, 1));

        Assert.Equal("[MonitorDashboard] Check failing: <b>Line</b> Bcc: x@example.com", message.Subject);
        var document = new HtmlParser().ParseDocument(message.HtmlBody);
        Assert.Empty(document.QuerySelectorAll("img"));
        Assert.Empty(document.QuerySelectorAll("h1 b"));
        Assert.Contains("<img src=x onerror=alert(1)>", message.TextBody);
        Assert.Equal("id-1", message.ListId);
    }
}
