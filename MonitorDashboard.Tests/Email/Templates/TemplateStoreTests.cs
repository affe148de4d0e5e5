using MonitorDashboard.Calculation;
using MonitorDashboard.Email.Templates;

namespace MonitorDashboard.Tests.Email.Templates;

public sealed class TemplateStoreTests
{
    private static ReportModel Model() => ReportSamples.Model(ReportSamples.Everything());

    [Fact]
    public void A_misspelt_variable_fails_the_rendering_in_strict_mode()
    {
        using var templates = new TempTemplates();
        templates.Edit("report.html.liquid", s => s.Replace("{{ report.list_name }}", "{{ report.lsit_name }}", StringComparison.Ordinal));
        using var rendering = EmailRendering.Create(folder: templates.Folder);

        var ex = Assert.Throws<EmailTemplateException>(() => rendering.Reports.RenderReport(Model()));

        Assert.Equal("report.html.liquid", ex.Template);
        Assert.Contains("lsit_name", ex.Message);
    }

    [Fact]
    public void A_misspelt_column_of_a_text_table_fails_too()
    {
        using var templates = new TempTemplates();
        templates.Edit("report.txt.liquid", s => s.Replace("\"to_order:To order:r\"", "\"to_ordr:To order:r\"", StringComparison.Ordinal));
        using var rendering = EmailRendering.Create(folder: templates.Folder);

        var ex = Assert.Throws<EmailTemplateException>(() => rendering.Reports.RenderReport(Model()));

        Assert.Contains("to_ordr", ex.Message);
    }

    [Fact]
    public void Outside_strict_mode_a_misspelt_variable_renders_as_nothing_and_the_email_still_goes()
    {
        using var templates = new TempTemplates();
        templates.Edit("report.txt.liquid", s => "[{{ report.lsit_name }}]" + s);
        using var rendering = EmailRendering.Create(folder: templates.Folder, strict: false);

        var message = rendering.Reports.RenderReport(Model());

        Assert.StartsWith("[]", message.TextBody);
    }

    [Fact]
    public void A_template_is_reloaded_after_its_file_changes()
    {
        using var templates = new TempTemplates();
        using var rendering = EmailRendering.Create(folder: templates.Folder);
        Assert.DoesNotContain("Good morning", rendering.Reports.RenderReport(Model()).TextBody);

        templates.Edit("report.txt.liquid", s => s + "Good morning");

        Assert.EndsWith("Good morning", rendering.Reports.RenderReport(Model()).TextBody);
    }

    [Fact]
    public void A_partial_is_reloaded_after_its_file_changes()
    {
        using var templates = new TempTemplates();
        using var rendering = EmailRendering.Create(folder: templates.Folder);
        Assert.Contains("Sent by MonitorDashboard", rendering.Reports.RenderReport(Model()).HtmlBody);

        templates.Edit("_foot.html.liquid", s => s.Replace("{{ note }}", "Questions? Ask planning. {{ note }}", StringComparison.Ordinal));

        Assert.Contains("Questions? Ask planning.", rendering.Reports.RenderReport(Model()).HtmlBody);
    }

    [Fact]
    public void A_syntax_error_is_reported_with_the_file_and_position()
    {
        using var templates = new TempTemplates();
        File.WriteAllText(Path.Combine(templates.Folder, "report.txt.liquid"), "Line one\nLine two {% if %}\n");
        using var rendering = EmailRendering.Create(folder: templates.Folder);

        var ex = Assert.Throws<EmailTemplateException>(() => rendering.Reports.RenderReport(Model()));

        Assert.Equal("report.txt.liquid", ex.Template);
        Assert.StartsWith("report.txt.liquid: ", ex.Message);
        Assert.Equal(2, ex.Line);
        Assert.NotNull(ex.Column);
    }

    [Fact]
    public void A_syntax_error_in_a_partial_names_the_partial_and_the_position()
    {
        using var templates = new TempTemplates();
        templates.Edit("_critical.html.liquid", s => s + "\n{% for %}");
        using var rendering = EmailRendering.Create(folder: templates.Folder);

        var ex = Assert.Throws<EmailTemplateException>(() => rendering.Reports.RenderReport(Model()));

        Assert.Contains("_critical.html.liquid", ex.Message);
        Assert.NotNull(ex.Line);
    }

    [Fact]
    public void A_partial_that_is_not_there_is_a_template_error_naming_it()
    {
        using var templates = new TempTemplates();
        templates.Edit("report.html.liquid", s => s + "\n{% render '_no_such_partial.html' %}");
        using var rendering = EmailRendering.Create(folder: templates.Folder);

        var ex = Assert.Throws<EmailTemplateException>(() => rendering.Reports.RenderReport(Model()));

        Assert.Equal($"report.html.liquid: partial '_no_such_partial.html' not found in {templates.Folder}", ex.Message);
    }

    [Fact]
    public void A_filter_that_fails_while_rendering_is_a_template_error()
    {
        using var templates = new TempTemplates();
        templates.Edit("report.txt.liquid", s => s + "\n{{ report.summary.to_order | divided_by: 0 }}");
        using var rendering = EmailRendering.Create(folder: templates.Folder);

        var ex = Assert.Throws<EmailTemplateException>(() => rendering.Reports.RenderReport(Model()));

        Assert.Equal("report.txt.liquid", ex.Template);
        Assert.IsType<DivideByZeroException>(ex.InnerException);
    }

    [Fact]
    public void A_missing_template_is_named()
    {
        using var templates = new TempTemplates();
        File.Delete(Path.Combine(templates.Folder, "report.html.liquid"));
        using var rendering = EmailRendering.Create(folder: templates.Folder);

        var ex = Assert.Throws<EmailTemplateException>(() => rendering.Reports.RenderReport(Model()));

        Assert.Contains("report.html.liquid: template not found", ex.Message);
    }

    [Fact]
    public void Every_committed_template_renders_in_strict_mode_with_links_on()
    {
        using var rendering = EmailRendering.Create(instanceUrl: "https://inventree.example.com");

        var full = rendering.Reports.RenderReport(ReportSamples.Model(ReportSamples.Everything(), previous: ReportSamples.Previous()));
        var empty = rendering.Reports.RenderReport(ReportSamples.Model(CalculationResult.Empty, previous: CalculationResult.Empty, changed: false));

        Assert.NotEmpty(full.HtmlBody);
        Assert.Contains("Nothing changed", rendering.Reports.RenderReport(
            ReportSamples.Model(ReportSamples.Everything(), previous: ReportSamples.Everything(), changed: false)).TextBody);
        Assert.Contains("All clear", empty.TextBody);
    }
}
