using AngleSharp.Html.Parser;

namespace MonitorDashboard.Email.Templates;

/// <summary>
/// Moves the templates' <c>&lt;style&gt;</c> rules into <c>style</c> attributes, because Gmail, Outlook and many
/// webmail clients drop style elements. PreMailer.Net does it on AngleSharp's DOM and applies CSS specificity
/// and source order the way a browser would.
/// </summary>
public sealed partial class CssInliner(ILogger<CssInliner> logger)
{
    private static readonly HtmlParser Parser = new();

    public string Inline(string html)
    {
        // No media queries are kept: a client that honours them also honours the inline styles, and a leftover
        // <style> element is exactly what some clients choke on.
        var result = PreMailer.Net.PreMailer.MoveCssInline(html, removeStyleElements: true, removeComments: true);
        foreach (var warning in result.Warnings)
        {
            LogInliningWarning(warning);
        }
        if (Parser.ParseDocument(result.Html).QuerySelector("style") is not null)
        {
            throw new InvalidOperationException("A <style> element survived CSS inlining.");
        }
        return result.Html;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "CSS inlining: {Warning}")]
    private partial void LogInliningWarning(string warning);
}
