using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Email.Templates;

/// <summary>
/// Notices to the admins, one template pair per kind (<c>check-failing.html.liquid</c> / <c>.txt.liquid</c>...).
/// Times are shown in the configured default time zone: the admins are one audience for lists in many zones.
/// </summary>
public sealed class NoticeRenderer(TemplateStore templates, CssInliner inliner, EmailFormatting formatting, IOptions<EmailOptions> email)
{
    /// <exception cref="EmailTemplateException">A template is missing, broken, or (strict mode) uses an unknown variable.</exception>
    public EmailMessage RenderNotice(NoticeModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var f = formatting.For(null);
        var (template, view, subject, listId) = model switch
        {
            CheckFailingNotice n => View("check-failing", EmailSubjects.Notice("Check failing", n.ListName), n.ListId,
                s => new CheckFailingView(s, n.ListId, n.ListName, n.Error, f.DateTime(n.Since), n.Attempts)),
            CheckRecoveredNotice n => View("check-recovered", EmailSubjects.Notice("Check recovered", n.ListName), n.ListId,
                s => new CheckRecoveredView(s, n.ListId, n.ListName, f.DateTime(n.FailingSince), f.DateTime(n.RecoveredAt), ValueFormatter.Duration(n.DownFor))),
            DeliveryFailingNotice n => View("delivery-failing", EmailSubjects.Notice("Email delivery failing", n.ListName), n.ListId,
                s => new DeliveryFailingView(s, n.ListId, n.ListName, n.Recipients, n.Error, f.DateTime(n.At))),
            DeliveryRecoveredNotice n => View("delivery-recovered", EmailSubjects.Notice("Email delivery recovered", n.ListName), n.ListId,
                s => new DeliveryRecoveredView(s, n.ListId, n.ListName, f.DateTime(n.FailingSince), f.DateTime(n.RecoveredAt), ValueFormatter.Duration(n.DownFor), n.WasTold)),
            ListInvalidNotice n => View("list-invalid", EmailSubjects.Notice(n.Deactivated ? "List deactivated" : "List invalid", n.ListName), n.ListId,
                s => new ListInvalidView(s, n.ListId, n.ListName, n.Reasons, n.Deactivated)),
            PresetsUnreadableNotice n => View("presets-unreadable", EmailSubjects.Notice("Presets file unreadable", Path.GetFileName(n.File)), null,
                s => new PresetsUnreadableView(s, n.File, n.Message, Position(n.Line, n.Column))),
            SystemNotice n => View("system-notice", EmailSubjects.Notice(n.Title), n.ListId,
                s => new SystemNoticeView(s, n.Title, n.Detail, n.Advice, f.DateTime(n.At))),
            _ => throw new ArgumentException($"No template for {model.GetType().Name}.", nameof(model)),
        };
        var html = inliner.Inline(templates.Render(template + ".html", "notice", view, HtmlEncoder.Default, f.Zone));
        var text = templates.Render(template + ".txt", "notice", view, NullEncoder.Default, f.Zone);
        return new EmailMessage(EmailKind.AdminNotice, subject, html, text, email.Value.AdminRecipients, listId);
    }

    private static (string Template, object View, string Subject, string? ListId) View(
        string template, string subject, string? listId, Func<string, object> view) => (template, view(subject), subject, listId);

    private static string Position(long? line, long? column) => (line, column) switch
    {
        ({ } l, { } c) => string.Create(CultureInfo.InvariantCulture, $"line {l}, column {c}"),
        ({ } l, null) => string.Create(CultureInfo.InvariantCulture, $"line {l}"),
        _ => "",
    };
}
