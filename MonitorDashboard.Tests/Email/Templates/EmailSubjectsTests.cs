using MonitorDashboard.Calculation;
using MonitorDashboard.Email.Templates;

namespace MonitorDashboard.Tests.Email.Templates;

public sealed class EmailSubjectsTests
{
    [Fact]
    public void The_report_subject_counts_orders_builds_and_critical_parts()
    {
        Assert.Equal(
            "[MonitorDashboard] Widget line, weekly: 2 to order, 1 to build, 1 critical — changed",
            EmailSubjects.Report("Widget line, weekly", ReportSamples.Everything(), changed: true));
    }

    [Fact]
    public void Critical_and_changed_are_left_out_when_they_do_not_apply()
    {
        var result = ReportSamples.Everything() with { Critical = [] };

        Assert.Equal("[MonitorDashboard] Line: 2 to order, 1 to build", EmailSubjects.Report("Line", result, changed: false));
    }

    [Theory]
    [InlineData("Widget\r\nBcc: victim@example.com", "Widget Bcc: victim@example.com")]
    [InlineData("Widget\nline", "Widget line")]
    [InlineData("Widget\tline", "Widget line")]
    [InlineData("Widget\u0000\u0007\u001b[31mline", "Widget [31mline")]
    [InlineData("Widget\u0085\u2028line\u2029", "Widget line")]
    [InlineData("  \r\n Widget  line ", "Widget line")]
    public void Control_characters_in_a_list_name_never_reach_the_subject(string name, string cleaned)
    {
        var subject = EmailSubjects.Report(name, CalculationResult.Empty, changed: false);

        Assert.Equal($"[MonitorDashboard] {cleaned}: 0 to order, 0 to build", subject);
        Assert.DoesNotContain(subject, char.IsControl);
    }

    [Fact]
    public void The_rendered_report_uses_the_cleaned_subject()
    {
        using var rendering = EmailRendering.Create();

        var message = rendering.Reports.RenderReport(ReportSamples.Model(CalculationResult.Empty, listName: "Line\r\nX-Injected: 1", changed: false));

        Assert.Equal("[MonitorDashboard] Line X-Injected: 1: 0 to order, 0 to build", message.Subject);
    }
}
