using System.Globalization;

namespace MonitorDashboard.Calculation;

/// <summary>
/// Reads part requests as users type them: <c>Name:qty</c>, <c>Name@Revision:qty</c>, or <c>pk:qty</c>
/// (a bare integer before the colon is a part pk). The last colon separates the quantity, so names
/// may contain colons; the last <c>@</c> before it starts the revision.
/// </summary>
public static class PartRequestParser
{
    public static bool TryParse(string text, out PartRequest request, out string error)
    {
        request = new PartRequest(null, null, null, 0);
        var trimmed = text.Trim();
        var colon = trimmed.LastIndexOf(':');
        if (colon <= 0 || colon == trimmed.Length - 1)
        {
            error = $"\"{text}\" is not Name:quantity (e.g. \"Widget Assembly:10\" or \"Widget Assembly@B:5\")";
            return false;
        }

        var quantityText = trimmed[(colon + 1)..].Trim();
        if (!decimal.TryParse(quantityText, NumberStyles.Number, CultureInfo.InvariantCulture, out var quantity))
        {
            error = $"\"{text}\": quantity \"{quantityText}\" is not a number";
            return false;
        }
        if (quantity <= 0)
        {
            error = $"\"{text}\": quantity must be greater than 0";
            return false;
        }

        var target = trimmed[..colon].Trim();
        if (int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var pk))
        {
            request = new PartRequest(null, null, pk, quantity);
            error = "";
            return true;
        }

        var at = target.LastIndexOf('@');
        var name = (at > 0 ? target[..at] : target).Trim();
        var revision = at > 0 ? target[(at + 1)..].Trim() : null;
        if (name.Length == 0 || revision is { Length: 0 })
        {
            error = $"\"{text}\": part name{(name.Length == 0 ? "" : " revision")} is empty";
            return false;
        }
        request = new PartRequest(name, revision, null, quantity);
        error = "";
        return true;
    }

    /// <summary>Parses a comma-separated list (<c>"A:10,B@rev:5"</c>); every bad entry is reported.</summary>
    public static bool TryParseList(string text, out IReadOnlyList<PartRequest> requests, out IReadOnlyList<string> errors)
    {
        var parsed = new List<PartRequest>();
        var problems = new List<string>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryParse(item, out var request, out var error))
            {
                parsed.Add(request);
            }
            else
            {
                problems.Add(error);
            }
        }
        if (parsed.Count == 0 && problems.Count == 0)
        {
            problems.Add("no parts given");
        }
        requests = parsed;
        errors = problems;
        return problems.Count == 0;
    }
}
