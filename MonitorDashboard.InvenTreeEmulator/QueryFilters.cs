using System.Globalization;
using System.Text.RegularExpressions;

namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>
/// Reads the query parameters of a list request like django-filter: only the filters asked for are looked at (any
/// other parameter is silently ignored), an empty value means "no filter", and invalid values collect field errors
/// that become a 400.
/// </summary>
internal sealed class QueryFilters(IQueryCollection query)
{
    public const string InvalidChoice = "Select a valid choice. That choice is not one of the available choices.";

    private readonly Dictionary<string, List<string>> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyDictionary<string, List<string>> Errors => _errors;

    /// <summary>A relation filter (<c>part=</c>, <c>in_bom_for=</c> ...): must name an existing object.</summary>
    public int? Relation(string name, Func<int, bool> exists)
    {
        if (Value(name) is not { } text)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pk) && exists(pk))
        {
            return pk;
        }
        AddError(name, InvalidChoice);
        return null;
    }

    /// <summary>django-filter's BooleanWidget: true/false/1/0 in any case; anything else means "no filter".</summary>
    public bool? Boolean(string name) => Value(name)?.ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    /// <summary>A case-insensitive regex search like Django's <c>iregex</c>.</summary>
    public Regex? CaseInsensitiveRegex(string name)
    {
        if (Value(name) is not { } pattern)
        {
            return null;
        }
        try
        {
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            AddError(name, "Invalid regular expression.");
            return null;
        }
    }

    /// <summary>
    /// DRF's SearchFilter: the value split into words at whitespace and commas; null (no filter) when there are none.
    /// </summary>
    public IReadOnlyList<string>? SearchTerms(string name)
    {
        var terms = Value(name)?.Split([' ', '\t', '\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries);
        return terms is { Length: > 0 } ? terms : null;
    }

    // Like Django's QueryDict.get: the last value wins.
    private string? Value(string name) =>
        query.TryGetValue(name, out var values) && values.LastOrDefault() is { Length: > 0 } value ? value : null;

    private void AddError(string name, string message) =>
        (_errors.TryGetValue(name, out var list) ? list : _errors[name] = []).Add(message);
}
