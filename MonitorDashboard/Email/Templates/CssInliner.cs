using System.Collections.Concurrent;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace MonitorDashboard.Email.Templates;

/// <summary>
/// Moves the templates' <c>&lt;style&gt;</c> rules into <c>style</c> attributes, because Gmail, Outlook and many
/// webmail clients drop style elements. PreMailer.Net decides every element's style (CSS specificity and source
/// order, as a browser would); what it decided is remembered per stylesheet and kind of element, because the
/// stylesheet does not change between reports (<see cref="InlineStyles"/>). A report is then inlined in one pass over
/// its source (<see cref="StreamingInliner"/>): tags get their kind's attributes, style elements and comments go, the
/// rest is sent as the template wrote it. A document whose nesting the parser would repair is parsed into a DOM
/// first; a stylesheet whose rules look beyond an element's ancestry makes PreMailer inline the whole document.
/// </summary>
public sealed partial class CssInliner(ILogger<CssInliner> logger)
{
    // Templates have a handful of stylesheets; a stylesheet that changes with every email is not remembered.
    private const int MaxStyleSheets = 32;

    private static readonly HtmlParser Parser = new();
    private readonly ConcurrentDictionary<string, InlineStyles> _styleSheets = new(StringComparer.Ordinal);
    private int _wholeDocumentRuns;
    private int _parsedRuns;

    /// <summary>Emails PreMailer inlined as a whole because nothing remembered could be used (tests check the shortcut is taken).</summary>
    internal int WholeDocumentRuns => _wholeDocumentRuns;

    /// <summary>Emails that had to be parsed into a DOM because their source is not one <see cref="StreamingInliner"/> reads.</summary>
    internal int ParsedRuns => _parsedRuns;

    public string Inline(string html)
    {
        if (HtmlTokens.Scan(html) is { } tokens
            && StylesFor(StreamingInliner.StyleSheetOf(html, tokens)) is { } known
            && StreamingInliner.TryInline(html, tokens, known, Warn) is { } streamed)
        {
            return streamed;
        }
        Interlocked.Increment(ref _parsedRuns);
        var document = Parser.ParseDocument(html);
        var styleElements = document.QuerySelectorAll("style").ToList();
        var css = string.Join("\n", styleElements.Select(s => s.TextContent));
        var styles = StylesFor(css);
        if (styles is null || !styles.TryApply(document, styleElements, Warn))
        {
            Interlocked.Increment(ref _wholeDocumentRuns);
            return InlineWithPreMailer(html); // rules that depend on more than an element's ancestry: no shortcut
        }
        return document.ToHtml();
    }

    /// <summary>PreMailer over the whole document: the reference the remembered styles reproduce.</summary>
    internal string InlineWithPreMailer(string html)
    {
        // No media queries are kept: a client that honours them also honours the inline styles, and a leftover
        // <style> element is exactly what some clients choke on.
        var result = PreMailer.Net.PreMailer.MoveCssInline(html, removeStyleElements: true, removeComments: true);
        foreach (var warning in result.Warnings)
        {
            Warn(warning);
        }
        if (Parser.ParseDocument(result.Html).QuerySelector("style") is not null)
        {
            throw new InvalidOperationException("A <style> element survived CSS inlining.");
        }
        return result.Html;
    }

    private InlineStyles? StylesFor(string css)
    {
        if (_styleSheets.TryGetValue(css, out var known))
        {
            return known;
        }
        var styles = InlineStyles.For(css);
        if (styles is not null && _styleSheets.Count < MaxStyleSheets)
        {
            _styleSheets.TryAdd(css, styles);
        }
        return styles;
    }

    private void Warn(string warning) => LogInliningWarning(warning);

    [LoggerMessage(Level = LogLevel.Debug, Message = "CSS inlining: {Warning}")]
    private partial void LogInliningWarning(string warning);
}
