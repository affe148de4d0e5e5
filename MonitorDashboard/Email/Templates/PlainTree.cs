namespace MonitorDashboard.Email.Templates;

/// <summary>
/// The HTML standard's tree construction for documents that need none of its repairs: <c>html</c>, <c>head</c> and
/// <c>body</c> written out, every element closed where it was opened, tables written with their <c>tbody</c>. For such
/// a document each element's parent is simply the innermost open element, as in the source. <see cref="Accepts"/>
/// says false as soon as the parser would build something else — an implied element, a paragraph closed by a block,
/// foster-parented table text, an ignored tag — or meets an element whose rules are not written here.
/// </summary>
internal sealed class PlainTree
{
    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    };
    private static readonly HashSet<string> HeadChildren = new(StringComparer.Ordinal) { "title", "meta", "link", "base", "style" };
    // Elements with insertion rules of their own (forms, scripts, foreign content, table parts written out of place, ...).
    private static readonly HashSet<string> NotWrittenHere = new(StringComparer.Ordinal)
    {
        "html", "head", "body", "frameset", "frame", "form", "select", "option", "optgroup", "datalist", "button", "textarea",
        "script", "iframe", "object", "applet", "embed", "marquee", "template", "svg", "math", "caption", "colgroup", "col",
        "noscript", "noembed", "noframes", "xmp", "plaintext", "image", "isindex", "nobr", "ruby", "rb", "rt", "rp", "rtc",
        "title", "input", "keygen", "listing", "pre", "menuitem", "search", "dialog",
    };
    // Start tags that close an open <p> (HTML "close a p element").
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dir", "div", "dl", "fieldset", "figcaption", "figure",
        "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "section", "summary", "ul", "h1", "h2", "h3", "h4",
        "h5", "h6", "table", "hr", "li", "dd", "dt",
    };
    private static readonly HashSet<string> Headings = new(StringComparer.Ordinal) { "h1", "h2", "h3", "h4", "h5", "h6" };
    private static readonly HashSet<string> TableParts = new(StringComparer.Ordinal) { "table", "thead", "tbody", "tfoot", "tr", "td", "th" };
    // Where a search for an open <p> or <li> stops (the standard's scopes, as far as this class lets elements in).
    private static readonly HashSet<string> ScopeEdges = new(StringComparer.Ordinal) { "html", "table", "td", "th" };

    private readonly List<string> _open = [];
    private Stage _stage = Stage.BeforeHtml;
    private bool _hadHead;

    private enum Stage { BeforeHtml, InHtml, InHead, InBody, AfterBody, AfterHtml }

    /// <summary>The open elements, outermost first.</summary>
    public IReadOnlyList<string> Open => _open;

    public bool InBody => _stage == Stage.InBody;

    /// <summary>The element the last start tag made the parser insert first (<c>tbody</c> for a <c>tr</c> written straight into a <c>table</c>), or null.</summary>
    public string? Implied { get; private set; }

    public static bool IsVoid(string name) => Void.Contains(name);

    /// <summary>Takes <paramref name="token"/>; false when the parser would not simply add it where it stands.</summary>
    public bool Accepts(HtmlToken token, string source)
    {
        Implied = null;
        return Take(token, source);
    }

    private bool Take(HtmlToken token, string source) => token.Kind switch
    {
        HtmlTokenKind.Comment => true,
        HtmlTokenKind.Doctype => _stage == Stage.BeforeHtml,
        HtmlTokenKind.RawText => true, // only ever after a <style> or <title> start tag, which was accepted
        HtmlTokenKind.Text => AcceptsText(source.AsSpan(token.Start, token.Length)),
        HtmlTokenKind.StartTag => AcceptsStart(token),
        HtmlTokenKind.EndTag => AcceptsEnd(token.Name),
        _ => false,
    };

    /// <summary>True when the document ended with nothing left open but (optionally) body and html.</summary>
    public bool Complete() => _stage is Stage.AfterHtml or Stage.AfterBody || (_stage == Stage.InBody && _open.Count == 2);

    private bool AcceptsText(ReadOnlySpan<char> text)
    {
        if (text.IsWhiteSpace())
        {
            return true;
        }
        if (_stage != Stage.InBody || text.Contains('\0'))
        {
            return false;
        }
        return _open[^1] is not ("table" or "thead" or "tbody" or "tfoot" or "tr"); // foster parenting
    }

    private bool AcceptsStart(HtmlToken token)
    {
        var name = token.Name;
        switch (_stage)
        {
            case Stage.BeforeHtml when name == "html":
                _open.Add(name);
                _stage = Stage.InHtml;
                return !token.SelfClosing;
            case Stage.InHtml when name == "head" && !_hadHead:
                _open.Add(name);
                _hadHead = true;
                _stage = Stage.InHead;
                return !token.SelfClosing;
            case Stage.InHtml when name == "body" && _hadHead:
                _open.Add(name);
                _stage = Stage.InBody;
                return !token.SelfClosing;
            case Stage.InHead when HeadChildren.Contains(name):
                if (!Void.Contains(name))
                {
                    _open.Add(name);
                }
                return !token.SelfClosing || Void.Contains(name);
            case Stage.InBody:
                return AcceptsInBody(token);
            default:
                return false;
        }
    }

    private bool AcceptsInBody(HtmlToken token)
    {
        var name = token.Name;
        if (name == "tr" && _open[^1] == "table")
        {
            _open.Add("tbody"); // the parser puts rows written straight into a table into an implied tbody
            Implied = "tbody";
        }
        var parent = _open[^1];
        if (NotWrittenHere.Contains(name) || (token.SelfClosing && !Void.Contains(name)))
        {
            return false;
        }
        if (ClosesParagraph.Contains(name) && IsOpenInScope("p"))
        {
            return false;
        }
        if ((Headings.Contains(name) && Headings.Contains(parent))
            || (name == "li" && IsOpenInScope("li"))
            || (name is "dd" or "dt" && (IsOpenInScope("dd") || IsOpenInScope("dt")))
            || (name == "a" && _open.Contains("a")))
        {
            return false;
        }
        var fits = parent switch
        {
            "table" => name is "thead" or "tbody" or "tfoot" or "style",
            "thead" or "tbody" or "tfoot" => name is "tr" or "style",
            "tr" => name is "td" or "th" or "style",
            _ => name is "table" || !TableParts.Contains(name),
        };
        if (!fits)
        {
            return false;
        }
        if (!Void.Contains(name))
        {
            _open.Add(name);
        }
        return true;
    }

    private bool AcceptsEnd(string name)
    {
        if (name == "table")
        {
            // </table> also closes the row group and row it is in (an implied tbody always).
            while (_open.Count > 0 && _open[^1] is "tr" or "tbody" or "thead" or "tfoot")
            {
                _open.RemoveAt(_open.Count - 1);
            }
        }
        if (_open.Count == 0 || _open[^1] != name)
        {
            return false;
        }
        _open.RemoveAt(_open.Count - 1);
        _stage = (_stage, name) switch
        {
            (Stage.InHead, "head") => Stage.InHtml,
            (Stage.InBody, "body") => Stage.AfterBody,
            (Stage.AfterBody, "html") => Stage.AfterHtml,
            (Stage.InHtml, "html") => Stage.BeforeHtml, // </html> without a body: not a document this class reads
            _ => _stage,
        };
        return _stage != Stage.BeforeHtml;
    }

    private bool IsOpenInScope(string name)
    {
        for (var i = _open.Count - 1; i >= 0; i--)
        {
            if (_open[i] == name)
            {
                return true;
            }
            if (ScopeEdges.Contains(_open[i]) || (name == "li" && _open[i] is "ol" or "ul"))
            {
                return false;
            }
        }
        return false;
    }
}
