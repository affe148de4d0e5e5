namespace MonitorDashboard.Presets;

/// <summary>The changes <see cref="PresetsStore"/> makes to the monitoring lists of a document; ids match trimmed and case-insensitively.</summary>
internal static class MonitoringListEdits
{
    public static PresetsDocument Add(PresetsDocument doc, MonitoringList list) => doc with { MonitoringLists = [.. doc.MonitoringLists, list] };

    /// <exception cref="PresetsListNotFoundException">No list has that id.</exception>
    public static PresetsDocument Replace(PresetsDocument doc, string listId, Func<MonitoringList, MonitoringList> change)
    {
        var index = IndexOf(doc, listId);
        var lists = doc.MonitoringLists.ToList();
        lists[index] = change(lists[index]);
        return doc with { MonitoringLists = lists };
    }

    /// <summary>Sets <c>last_hash</c> of every list named in <paramref name="hashes"/> (by id); ids no list has are left out.</summary>
    public static PresetsDocument SetLastHashes(PresetsDocument doc, IReadOnlyDictionary<string, string?> hashes)
    {
        var byId = new Dictionary<string, string?>(hashes.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (id, hash) in hashes)
        {
            byId[id.Trim()] = hash;
        }
        return doc with
        {
            MonitoringLists = doc.MonitoringLists
                .Select(l => l.Id is not null && byId.TryGetValue(l.Id.Trim(), out var hash) ? l with { LastHash = hash } : l)
                .ToList(),
        };
    }

    /// <exception cref="PresetsListNotFoundException">No list has that id.</exception>
    public static PresetsDocument Remove(PresetsDocument doc, string listId)
    {
        _ = IndexOf(doc, listId);
        return doc with { MonitoringLists = doc.MonitoringLists.Where(l => !SameId(l.Id, listId)).ToList() };
    }

    public static bool SameId(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static int IndexOf(PresetsDocument doc, string listId)
    {
        var index = doc.MonitoringLists.ToList().FindIndex(l => SameId(l.Id, listId));
        return index >= 0 ? index : throw new PresetsListNotFoundException(listId);
    }
}
