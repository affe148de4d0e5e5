using System.Text;

namespace MonitorDashboard.Email.Templates;

/// <summary>
/// Inlines a document in one pass over its source, without building a DOM: every start tag inside <c>&lt;body&gt;</c>
/// (and <c>html</c>, <c>body</c> themselves) gets the attributes <see cref="InlineStyles"/> remembers for its kind; the
/// <c>&lt;style&gt;</c> elements and comments are left out; everything else is copied as written. This is the whole
/// cost of inlining a report once the kinds are known. It applies only where the source's nesting is the tree a parser
/// builds (<see cref="PlainTree"/>); otherwise it returns null and the caller parses the document.
/// </summary>
internal static class StreamingInliner
{
    /// <summary>The stylesheet of the document: the text of all its style elements, as <see cref="CssInliner"/> reads it.</summary>
    public static string StyleSheetOf(string html, IReadOnlyList<HtmlToken> tokens)
    {
        var parts = new List<string>();
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == HtmlTokenKind.RawText && tokens[i].Name == "style")
            {
                parts.Add(html.Substring(tokens[i].Start, tokens[i].Length));
            }
        }
        return string.Join("\n", parts);
    }

    /// <returns>The inlined document, or null when it is not one this class reads (nothing was decided then).</returns>
    public static string? TryInline(string html, IReadOnlyList<HtmlToken> tokens, InlineStyles styles, Action<string> warn)
    {
        var tree = new PlainTree();
        var output = new StringBuilder(html.Length + html.Length / 4);
        var ancestry = new List<ElementShape>();
        var chains = new List<int>();
        foreach (var token in tokens)
        {
            if (!tree.Accepts(token, html))
            {
                return null;
            }
            switch (token.Kind)
            {
                case HtmlTokenKind.Comment:
                case HtmlTokenKind.RawText when token.Name == "style":
                case HtmlTokenKind.StartTag or HtmlTokenKind.EndTag when token.Name == "style":
                    break;
                case HtmlTokenKind.StartTag when Styled(tree, token.Name):
                    if (tree.Implied is { } implied && !Imply(implied, ancestry, chains, styles, warn))
                    {
                        return null;
                    }
                    if (!Write(html, token, ancestry, chains, styles, output, warn))
                    {
                        return null;
                    }
                    if (PlainTree.IsVoid(token.Name))
                    {
                        ancestry.RemoveAt(ancestry.Count - 1);
                        chains.RemoveAt(chains.Count - 1);
                    }
                    break;
                default:
                    // In body the styled ancestry and the open elements are the same; in head only html is styled.
                    while (token.Kind == HtmlTokenKind.EndTag && ancestry.Count > tree.Open.Count)
                    {
                        ancestry.RemoveAt(ancestry.Count - 1);
                        chains.RemoveAt(chains.Count - 1);
                    }
                    output.Append(html, token.Start, token.Length);
                    break;
            }
        }
        return tree.Complete() ? output.ToString() : null;
    }

    /// <summary>Elements that get styles: html, body and what is in body (nothing in head is styled, see <see cref="InlineStyles.For"/>).</summary>
    private static bool Styled(PlainTree tree, string name) => tree.InBody || name is "html" or "body";

    /// <summary>Pushes an element the parser implies (not in the source); only when its kind gets no attributes, since there is no tag to put them on.</summary>
    private static bool Imply(string name, List<ElementShape> ancestry, List<int> chains, InlineStyles styles, Action<string> warn)
    {
        var shape = new ElementShape(name, "", "", null);
        ancestry.Add(shape);
        var chain = styles.Chain(chains[^1], shape);
        chains.Add(chain);
        return styles.AttributesOf(ancestry, chain, warn) is { Count: 0 };
    }

    /// <summary>Writes the start tag with the attributes of its kind; pushes its shape and chain.</summary>
    private static bool Write(string html, HtmlToken tag, List<ElementShape> ancestry, List<int> chains, InlineStyles styles, StringBuilder output,
        Action<string> warn)
    {
        var id = tag.Attribute("id") ?? "";
        var @class = tag.Attribute("class") ?? "";
        var style = tag.Attribute("style");
        if (id.Contains('&') || @class.Contains('&') || (style?.Contains('&') ?? false))
        {
            return false; // character references in what decides the kind: the parser decodes them
        }
        var shape = new ElementShape(tag.Name, id, @class, style);
        ancestry.Add(shape);
        var chain = styles.Chain(chains.Count == 0 ? InlineStyles.Root : chains[^1], shape);
        chains.Add(chain);
        if (styles.AttributesOf(ancestry, chain, warn) is not { } attributes)
        {
            return false;
        }
        if (attributes.Count == 0)
        {
            output.Append(html, tag.Start, tag.Length);
            return true;
        }
        output.Append('<').Append(html, tag.Start + 1, tag.Name.Length);
        var position = tag.Start + 1 + tag.Name.Length;
        foreach (var attribute in tag.Attributes ?? [])
        {
            output.Append(html, position, attribute.Start - position); // the whitespace before it
            position = attribute.Start + attribute.Length;
            if (Find(attributes, attribute.Name) is { } value)
            {
                AppendAttribute(output, attribute.Name, value);
            }
            else
            {
                output.Append(html, attribute.Start, attribute.Length);
            }
        }
        foreach (var (name, value) in attributes)
        {
            if (tag.Attribute(name) is null)
            {
                output.Append(' ');
                AppendAttribute(output, name, value);
            }
        }
        output.Append(html, position, tag.Start + tag.Length - position); // "/>" or ">", and any whitespace before it
        return true;
    }

    private static string? Find(IReadOnlyList<KeyValuePair<string, string>> attributes, string name)
    {
        foreach (var (key, value) in attributes)
        {
            if (key == name)
            {
                return value;
            }
        }
        return null;
    }

    private static void AppendAttribute(StringBuilder output, string name, string value)
    {
        output.Append(name).Append("=\"");
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => output.Append("&amp;"),
                '"' => output.Append("&quot;"),
                _ => output.Append(c),
            };
        }
        output.Append('"');
    }
}
