namespace MonitorDashboard.Presets;

/// <summary>
/// Where each list id or name (trimmed, letter case ignored) first occurs and how often, for the uniqueness rules:
/// an untouched list conflicts only with an earlier one, a touched list with any other.
/// </summary>
internal sealed class UniqueKeys
{
    private readonly Dictionary<string, (int First, int Count)> _keys = new(StringComparer.OrdinalIgnoreCase);

    public static UniqueKeys Of(IReadOnlyList<MonitoringList> lists, Func<MonitoringList, string?> key)
    {
        var keys = new UniqueKeys();
        for (var i = 0; i < lists.Count; i++)
        {
            if (Normal(key(lists[i])) is { } k)
            {
                keys._keys[k] = keys._keys.TryGetValue(k, out var seen) ? (seen.First, seen.Count + 1) : (i, 1);
            }
        }
        return keys;
    }

    public bool Conflicts(string? value, int index, bool touched) =>
        Normal(value) is { } k && _keys.TryGetValue(k, out var seen) && (touched ? seen.Count > 1 : seen.First < index);

    public static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string? Normal(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
