namespace MonitorDashboard.InvenTree;

/// <summary>How a requested revision narrows the parts found by name: exact first, then ignoring case.</summary>
public static class PartMatching
{
    public static IReadOnlyList<InvenTreePart> ByRevision(IReadOnlyList<InvenTreePart> candidates, string? revision)
    {
        if (string.IsNullOrWhiteSpace(revision))
        {
            return candidates;
        }
        var wanted = revision.Trim();
        var exact = candidates.Where(p => string.Equals(p.Revision, wanted, StringComparison.Ordinal)).ToList();
        return exact.Count > 0 ? exact : candidates.Where(p => string.Equals(p.Revision, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
    }
}
