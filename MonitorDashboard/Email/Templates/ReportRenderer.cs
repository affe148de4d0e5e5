using System.Text.Encodings.Web;
using Fluid;

namespace MonitorDashboard.Email.Templates;

/// <summary>A list's report: <c>report.html.liquid</c> (CSS inlined) and <c>report.txt.liquid</c>, one view model for both.</summary>
public sealed class ReportRenderer(TemplateStore templates, ReportViewBuilder views, CssInliner inliner, EmailFormatting formatting)
{
    public const string HtmlTemplate = "report.html";
    public const string TextTemplate = "report.txt";

    /// <exception cref="EmailTemplateException">A template is missing, broken, or (strict mode) uses an unknown variable.</exception>
    public EmailMessage RenderReport(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var view = views.Build(model);
        var zone = formatting.For(model.TimeZone).Zone;
        var html = inliner.Inline(templates.Render(HtmlTemplate, "report", view, HtmlEncoder.Default, zone));
        var text = templates.Render(TextTemplate, "report", view, NullEncoder.Default, zone);
        return new EmailMessage(EmailKind.Report, view.Subject, html, text, model.Recipients, model.ListId);
    }
}
