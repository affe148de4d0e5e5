namespace MonitorDashboard.Email.Templates;

internal enum HtmlTokenKind
{
    Text,
    StartTag,
    EndTag,
    Comment,
    Doctype,
    /// <summary>The content of a <c>style</c> or <c>title</c> element (no tags inside).</summary>
    RawText,
}

/// <summary>An attribute as written: its lower-case name, its raw value (not decoded) and where the whole attribute is in the source.</summary>
internal readonly record struct HtmlAttribute(string Name, string Value, int Start, int Length);

/// <summary>One token of an HTML document; <see cref="Start"/>/<see cref="Length"/> locate it in the source.</summary>
internal sealed record HtmlToken(HtmlTokenKind Kind, int Start, int Length, string Name = "", IReadOnlyList<HtmlAttribute>? Attributes = null,
    bool SelfClosing = false)
{
    public string? Attribute(string name)
    {
        foreach (var attribute in Attributes ?? [])
        {
            if (attribute.Name == name)
            {
                return attribute.Value;
            }
        }
        return null;
    }
}

/// <summary>
/// Splits the HTML our templates render into tokens, keeping every token's place in the source, so an email can be
/// rewritten without re-serialising it (<see cref="StreamingInliner"/>). It reads the plain HTML templates produce and
/// gives up (null) on anything rarer — CDATA, processing instructions, scripts, odd attribute syntax, comments the
/// HTML standard treats specially — so the caller can take the full parser's path instead of guessing.
/// </summary>
internal static class HtmlTokens
{
    public static List<HtmlToken>? Scan(string html)
    {
        var tokens = new List<HtmlToken>(html.Length / 32);
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                tokens.Add(new HtmlToken(HtmlTokenKind.Text, i, html.Length - i));
                break;
            }
            if (lt + 1 >= html.Length)
            {
                return null;
            }
            var next = html[lt + 1];
            if (!char.IsAsciiLetter(next) && next is not ('/' or '!'))
            {
                // "<" that starts no tag is text; keep scanning after it.
                var end = html.IndexOf('<', lt + 1);
                end = end < 0 ? html.Length : end;
                tokens.Add(new HtmlToken(HtmlTokenKind.Text, i, end - i));
                i = end;
                continue;
            }
            if (lt > i)
            {
                tokens.Add(new HtmlToken(HtmlTokenKind.Text, i, lt - i));
            }
            var token = next switch
            {
                '!' => Markup(html, lt),
                '/' => EndTag(html, lt),
                _ => StartTag(html, lt),
            };
            if (token is null)
            {
                return null;
            }
            tokens.Add(token);
            i = token.Start + token.Length;
            if (token.Kind == HtmlTokenKind.StartTag && token.Name is "style" or "title")
            {
                var close = html.IndexOf("</" + token.Name, i, StringComparison.OrdinalIgnoreCase);
                if (close < 0 || close + token.Name.Length + 2 >= html.Length || html[close + token.Name.Length + 2] != '>')
                {
                    return null;
                }
                tokens.Add(new HtmlToken(HtmlTokenKind.RawText, i, close - i, token.Name));
                i = close;
            }
        }
        return tokens;
    }

    private static HtmlToken? Markup(string html, int lt)
    {
        if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
        {
            var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            // "<!-->", "<!--->" and "--!>" end comments early in HTML; leave those to the full parser.
            if (end < 0 || end < lt + 5 || html.AsSpan(lt + 4, end - lt - 4).Contains("--!>", StringComparison.Ordinal))
            {
                return null;
            }
            return new HtmlToken(HtmlTokenKind.Comment, lt, end + 3 - lt);
        }
        if (html.Length - lt > 9 && html.AsSpan(lt + 2, 7).Equals("DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            var end = html.IndexOf('>', lt);
            return end < 0 ? null : new HtmlToken(HtmlTokenKind.Doctype, lt, end + 1 - lt);
        }
        return null;
    }

    private static HtmlToken? EndTag(string html, int lt)
    {
        var i = lt + 2;
        if (i >= html.Length || !char.IsAsciiLetter(html[i]))
        {
            return null;
        }
        var name = Name(html, ref i);
        while (i < html.Length && char.IsWhiteSpace(html[i]))
        {
            i++;
        }
        return i < html.Length && html[i] == '>' ? new HtmlToken(HtmlTokenKind.EndTag, lt, i + 1 - lt, name) : null;
    }

    private static HtmlToken? StartTag(string html, int lt)
    {
        var i = lt + 1;
        var name = Name(html, ref i);
        var attributes = new List<HtmlAttribute>();
        while (true)
        {
            var gap = i;
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }
            if (i >= html.Length)
            {
                return null;
            }
            if (html[i] == '>')
            {
                return new HtmlToken(HtmlTokenKind.StartTag, lt, i + 1 - lt, name, attributes);
            }
            if (html[i] == '/')
            {
                return i + 1 < html.Length && html[i + 1] == '>'
                    ? new HtmlToken(HtmlTokenKind.StartTag, lt, i + 2 - lt, name, attributes, SelfClosing: true)
                    : null;
            }
            if (i == gap || Attribute(html, ref i) is not { } attribute || attributes.Exists(a => a.Name == attribute.Name))
            {
                return null; // attributes run together, odd syntax, or a duplicate (HTML keeps the first): the full parser decides
            }
            attributes.Add(attribute);
        }
    }

    private static HtmlAttribute? Attribute(string html, ref int i)
    {
        var start = i;
        while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('/' or '>' or '='))
        {
            if (html[i] is '"' or '\'' or '<')
            {
                return null;
            }
            i++;
        }
        if (i == start)
        {
            return null;
        }
        var name = html[start..i].ToLowerInvariant();
        var afterName = i;
        while (i < html.Length && char.IsWhiteSpace(html[i]))
        {
            i++;
        }
        if (i >= html.Length || html[i] != '=')
        {
            i = afterName;
            return new HtmlAttribute(name, "", start, afterName - start);
        }
        i++;
        while (i < html.Length && char.IsWhiteSpace(html[i]))
        {
            i++;
        }
        if (i >= html.Length)
        {
            return null;
        }
        var quote = html[i];
        if (quote is '"' or '\'')
        {
            var close = html.IndexOf(quote, i + 1);
            if (close < 0)
            {
                return null;
            }
            var value = html[(i + 1)..close];
            i = close + 1;
            return new HtmlAttribute(name, value, start, i - start);
        }
        var valueStart = i;
        while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
        {
            if (html[i] is '"' or '\'' or '<' or '=' or '`')
            {
                return null;
            }
            i++;
        }
        return i == valueStart ? null : new HtmlAttribute(name, html[valueStart..i], start, i - start);
    }

    private static string Name(string html, ref int i)
    {
        var start = i;
        while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('/' or '>'))
        {
            i++;
        }
        var name = html[start..i];
        return IsLower(name) ? name : name.ToLowerInvariant();
    }

    private static bool IsLower(string name)
    {
        foreach (var c in name)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }
        return true;
    }
}
