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

    /// <summary>The chain above <c>html</c>; <see cref="Unremembered"/> is a chain whose kinds are not remembered.</summary>
    public const int Root = 0;
    private const int Unremembered = -1;

    private readonly string _css;
    // Ancestries are numbered as they are met: a chain is its parent's chain plus the element's name, id and class, so
    // finding an element's kind costs one lookup, not a walk up its ancestry.
    private readonly ConcurrentDictionary<(int Parent, string Name, string Id, string Class), int> _chains = new();
    private readonly ConcurrentDictionary<(int Chain, string Style), IReadOnlyList<KeyValuePair<string, string>>> _kinds = new();
    private int _lastChain;

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
        if (!Resolve(root, [], Root, changes, warn))
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

    /// <summary>The number of the ancestry that ends in <paramref name="shape"/> under <paramref name="parent"/>.</summary>
    public int Chain(int parent, ElementShape shape)
    {
        if (parent == Unremembered)
        {
            return Unremembered;
        }
        var key = (parent, shape.Name, shape.Id, shape.Class);
        if (_chains.TryGetValue(key, out var chain))
        {
            return chain;
        }
        return _chains.Count < MaxKinds ? _chains.GetOrAdd(key, _ => Interlocked.Increment(ref _lastChain)) : Unremembered;
    }

    /// <summary>
    /// The attributes PreMailer gives the last element of <paramref name="ancestry"/> (whose chain is
    /// <paramref name="chain"/>), or null when its ancestry cannot be rebuilt faithfully.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>>? AttributesOf(IReadOnlyList<ElementShape> ancestry, int chain, Action<string> warn)
    {
        var key = (chain, ancestry[^1].Style ?? "");
        if (chain != Unremembered && _kinds.TryGetValue(key, out var known))
        {
            return known;
        }
        if (Probe(ancestry, warn) is not { } probed)
        {
            return null;
        }
        if (chain != Unremembered && _kinds.Count < MaxKinds)
        {
            _kinds.TryAdd(key, probed);
        }
        return probed;
    }

    private bool Resolve(IElement element, List<ElementShape> ancestry, int parent,
        List<(IElement, IReadOnlyList<KeyValuePair<string, string>>)> changes, Action<string> warn)
    {
        var shape = ElementShape.Of(element);
        ancestry.Add(shape);
        var chain = Chain(parent, shape);
        if (AttributesOf(ancestry, chain, warn) is not { } attributes)
        {
            return false;
        }
        if (attributes.Count > 0)
        {
            changes.Add((element, attributes));
        }
        // Nothing in <head> is styled (see For); style elements go.
        foreach (var child in element.Children.Where(c => c.LocalName is not ("head" or "style")).ToList())
        {
            if (!Resolve(child, ancestry, chain, changes, warn))
            {
                return false;
            }
        }
        ancestry.RemoveAt(ancestry.Count - 1);
        return true;
    }

    private static string ChainOf(IEnumerable<ElementShape> ancestry)
    {
        var key = new StringBuilder();
        foreach (var element in ancestry)
        {
            key.Append('/').Append(element.Name).Append('#').Append(element.Id).Append('.').Append(element.Class);
        }
        return key.ToString();
    }

    /// <summary>PreMailer on a document holding only the element's ancestry; the attributes it set or changed on the element.</summary>
    private List<KeyValuePair<string, string>>? Probe(IReadOnlyList<ElementShape> ancestry, Action<string> warn)
    {
        var html = new StringBuilder();
        for (var i = 0; i < ancestry.Count; i++)
        {
            var element = ancestry[i];
            html.Append('<').Append(element.Name);
            Attribute(html, "id", element.Id);
            Attribute(html, "class", element.Class);
            if (i == ancestry.Count - 1)
            {
                Attribute(html, "style", element.Style);
                Attribute(html, ProbeAttribute, "1");
            }
            html.Append('>');
            if (element.Name == "html")
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
        if (probed is null || ChainOf(AncestryOf(probed).Select(ElementShape.Of)) != ChainOf(ancestry))
        {
            return null; // the parser rebuilt the ancestry differently: this document is inlined by PreMailer as a whole
        }
        var originalStyle = ancestry[^1].Style;
        return probed.Attributes
            .Where(a => a.Name != ProbeAttribute && a.Name != "id" && a.Name != "class" && (a.Name != "style" || originalStyle != a.Value))
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
