using MonitorDashboard.Presets;

namespace MonitorDashboard.Cli.Monitor;

/// <summary>
/// Finds a list by its full id or by a prefix that only one id starts with (like git's short hashes), so users
/// can type <c>3f1c</c> instead of a whole UUID. Case-insensitive, because the store compares ids that way.
/// </summary>
internal static class ListIdResolver
{
    public static ListIdResolution Resolve(IReadOnlyList<MonitoringList> lists, string idOrPrefix)
    {
        var wanted = idOrPrefix.Trim();
        if (wanted.Length > 0)
        {
            // An exact id wins even when it is also the prefix of a longer one; with duplicate ids (a hand-edited
            // file) the store acts on the first, so this does too.
            var exact = IndexesWhere(lists, id => string.Equals(id, wanted, StringComparison.OrdinalIgnoreCase));
            if (exact.Count > 0)
            {
                return new ListIdResolution(exact[0], null);
            }
            var prefixed = IndexesWhere(lists, id => id.StartsWith(wanted, StringComparison.OrdinalIgnoreCase));
            if (prefixed.Count == 1)
            {
                return new ListIdResolution(prefixed[0], null);
            }
            if (prefixed.Count > 1)
            {
                var matches = string.Join(", ", prefixed.Select(i => $"{lists[i].Id} ({lists[i].Name})"));
                return new ListIdResolution(-1, $"id prefix '{wanted}' matches {prefixed.Count} lists: {matches}; give more of the id");
            }
        }
        return new ListIdResolution(-1, $"no list with id '{wanted}' (see 'monitor list' for the ids)");
    }

    private static List<int> IndexesWhere(IReadOnlyList<MonitoringList> lists, Func<string, bool> match) =>
        Enumerable.Range(0, lists.Count).Where(i => !string.IsNullOrWhiteSpace(lists[i].Id) && match(lists[i].Id.Trim())).ToList();
}

/// <summary>The index of the list found, or the reason none was.</summary>
internal sealed record ListIdResolution(int Index, string? Error);
