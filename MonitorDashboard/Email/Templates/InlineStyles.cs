using System.Collections.Concurrent;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace MonitorDashboard.Email.Templates;

/// <summary>
/// What PreMailer gives each kind of element under one stylesheet. When every selector of the stylesheet looks only
/// at element names, ids and classes and at ancestors (no pseudo-classes, attribute or sibling selectors), an element's
/// inlined style depends only on its own name, id, class and style attribute and on those of its ancestors — its
/// "kind". The first element of a kind is inlined by PreMailer in a small document holding just its ancestry; every
/// later one gets the remembered attributes.
/// </summary>
internal sealed class InlineStyles
{
    // Kinds come from templates (a few dozen each); a template that makes a new kind per row is not remembered past this.
    private const int MaxKinds = 4096;
    private const string ProbeAttribute = "data-inline-probe";

    private static readonly HtmlParser Parser = new();
    // Selectors that look at more than an element's name, id, class and ancestors; and `*`, which reaches into <head>.
    private static readonly char[] BeyondAncestry = [':', '[', '+', '~', '*'];
    private static readonly HashSet<string> HeadElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "head", "title", "meta", "link", "base", "script", "style", "noscript", "template",
    };

    private readonly string _css;
    private readonly ConcurrentDictionary<string, IReadOnlyList<KeyValuePair<string, string>>> _kinds = new(StringComparer.Ordinal);

    private InlineStyles(string css) => _css = css;

    /// <summary>
    /// Null when the stylesheet has a rule that depends on more than ancestry, or styles what is in <c>&lt;head&gt;</c>
    /// (PreMailer then inlines every email as a whole).
    /// </summary>
    public static InlineStyles? For(string css)
    {
        var parser = new PreMailer.Net.CssParser();
        parser.AddStyleSheet(css);
        var memorable = parser.Styles.Keys.All(selector => selector.IndexOfAny(BeyondAncestry) < 0
            && !selector.Split([' ', '>', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
                .Select(compound => compound.Split('.', '#')[0])
                .Any(HeadElements.Contains));
        return memorable ? new InlineStyles(css) : null;
    }

    /// <summary>
    /// Inlines <paramref name="document"/> in place: style elements and comments removed, every element given the
    /// attributes PreMailer gives its kind. False when an element's ancestry cannot be rebuilt faithfully (nothing changed then).
    /// </summary>
    public bool TryApply(IDocument document, IReadOnlyList<IElement> styleElements, Action<string> warn)
    {
        if (document.DocumentElement is not { } root)
        {
            return false;
        }
        var changes = new List<(IElement Element, IReadOnlyList<KeyValuePair<string, string>> Attributes)>();
        if (!Resolve(root, [], changes, warn))
        {
            return false;
        }
        foreach (var (element, attributes) in changes)
        {
            foreach (var (name, value) in attributes)
            {
                element.SetAttribute(name, value);
            }
        }
        foreach (var style in styleElements)
        {
            style.Remove();
        }
        foreach (var comment in document.Descendants<IComment>().ToList())
        {
            comment.RemoveFromParent();
        }
        return true;
    }

    private bool Resolve(IElement element, List<IElement> ancestry, List<(IElement, IReadOnlyList<KeyValuePair<string, string>>)> changes,
        Action<string> warn)
    {
        ancestry.Add(element);
        var kind = KindOf(ancestry);
        if (!_kinds.TryGetValue(kind, out var attributes))
        {
            if (Probe(ancestry, warn) is not { } probed)
            {
                return false;
            }
            attributes = probed;
            if (_kinds.Count < MaxKinds)
            {
                _kinds.TryAdd(kind, attributes);
            }
        }
        if (attributes.Count > 0)
        {
            changes.Add((element, attributes));
        }
        // Nothing in <head> is styled (see For); style elements go.
        foreach (var child in element.Children.Where(c => c.LocalName is not ("head" or "style")).ToList())
        {
            if (!Resolve(child, ancestry, changes, warn))
            {
                return false;
            }
        }
        ancestry.RemoveAt(ancestry.Count - 1);
        return true;
    }

    private static string KindOf(IReadOnlyList<IElement> ancestry)
    {
        var key = new StringBuilder();
        foreach (var element in ancestry)
        {
            key.Append('/').Append(element.LocalName).Append('#').Append(element.Id).Append('.').Append(element.ClassName);
        }
        return key.Append('|').Append(ancestry[^1].GetAttribute("style")).ToString();
    }

    /// <summary>PreMailer on a document holding only the element's ancestry; the attributes it set or changed on the element.</summary>
    private List<KeyValuePair<string, string>>? Probe(IReadOnlyList<IElement> ancestry, Action<string> warn)
    {
        var html = new StringBuilder();
        for (var i = 0; i < ancestry.Count; i++)
        {
            var element = ancestry[i];
            html.Append('<').Append(element.LocalName);
            Attribute(html, "id", element.Id);
            Attribute(html, "class", element.ClassName);
            if (i == ancestry.Count - 1)
            {
                Attribute(html, "style", element.GetAttribute("style"));
                Attribute(html, ProbeAttribute, "1");
            }
            html.Append('>');
            if (element.LocalName == "html")
            {
                html.Append("<head><style>").Append(_css).Append("</style></head>");
            }
        }
        var result = PreMailer.Net.PreMailer.MoveCssInline(html.ToString(), removeStyleElements: true, removeComments: true);
        foreach (var warning in result.Warnings)
        {
            warn(warning);
        }
        var probed = Parser.ParseDocument(result.Html).QuerySelector($"[{ProbeAttribute}]");
        if (probed is null || !KindOf(AncestryOf(probed)).StartsWith(KindOf(ancestry).Split('|')[0] + "|", StringComparison.Ordinal))
        {
            return null; // the parser rebuilt the ancestry differently: this document is inlined by PreMailer as a whole
        }
        var original = ancestry[^1];
        return probed.Attributes
            .Where(a => a.Name != ProbeAttribute && a.Name != "id" && a.Name != "class" && original.GetAttribute(a.Name) != a.Value)
            .Select(a => KeyValuePair.Create(a.Name, a.Value))
            .ToList();
    }

    private static List<IElement> AncestryOf(IElement element)
    {
        var ancestry = new List<IElement>();
        for (var e = element; e is not null; e = e.ParentElement)
        {
            ancestry.Insert(0, e);
        }
        return ancestry.Where(e => e.LocalName != "head").ToList();
    }

    private static void Attribute(StringBuilder html, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            html.Append(' ').Append(name).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
        }
    }
}
