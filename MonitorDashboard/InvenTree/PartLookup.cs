using System.Collections.Concurrent;

namespace MonitorDashboard.InvenTree;

public enum PartLookupStatus
{
    Found,
    NotFound,
    Ambiguous,
    Error,
}

/// <summary>What a typed part name (and revision) matches in InvenTree.</summary>
public sealed record PartLookupResult(PartLookupStatus Status, InvenTreePart? Part, int Matches, string? Error = null)
{
    public string Describe() => Status switch
    {
        PartLookupStatus.Found => $"#{Part!.Pk}{(string.IsNullOrEmpty(Part.Ipn) ? "" : " · " + Part.Ipn)}{(string.IsNullOrEmpty(Part.Revision) ? "" : " · rev " + Part.Revision)}",
        PartLookupStatus.NotFound => "not found",
        PartLookupStatus.Ambiguous => $"ambiguous ({Matches})",
        _ => Error ?? "InvenTree error",
    };
}

/// <summary>
/// Checks part names as users type them in the edit form, with the same matching rules as a check
/// (exact name, then revision). Answers are kept for a minute, so retyping costs no requests.
/// </summary>
public sealed class PartLookup(IInvenTreeClient client, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyList<InvenTreePart> Parts)> _cache = new(StringComparer.Ordinal);

    public async Task<PartLookupResult> LookupAsync(string name, string? revision, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length == 0)
        {
            return new PartLookupResult(PartLookupStatus.NotFound, null, 0);
        }
        IReadOnlyList<InvenTreePart> candidates;
        try
        {
            candidates = await CandidatesAsync(name, cancellationToken);
        }
        catch (InvenTreeException ex)
        {
            return new PartLookupResult(PartLookupStatus.Error, null, 0, ex.Message);
        }
        candidates = PartMatching.ByRevision(candidates, revision);
        return candidates.Count switch
        {
            0 => new PartLookupResult(PartLookupStatus.NotFound, null, 0),
            1 => new PartLookupResult(PartLookupStatus.Found, candidates[0], 1),
            var n => new PartLookupResult(PartLookupStatus.Ambiguous, null, n),
        };
    }

    private async Task<IReadOnlyList<InvenTreePart>> CandidatesAsync(string name, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(name, out var cached) && now - cached.At < Lifetime)
        {
            return cached.Parts;
        }
        var parts = await client.FindPartsByNameAsync(name, cancellationToken);
        _cache[name] = (now, parts);
        return parts;
    }
}
