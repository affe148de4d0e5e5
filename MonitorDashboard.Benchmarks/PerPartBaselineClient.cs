using System.Net.Http.Headers;
using System.Text.Json;
using MonitorDashboard.Calculation;

namespace MonitorDashboard.Benchmarks;

/// <summary>What a baseline walk cost, and the shape of the tree it walked.</summary>
/// <param name="Assemblies">Distinct assemblies in the tree (each visited assembly once, however often visited).</param>
/// <param name="Depth">Assembly levels: the longest chain of assemblies from a top-level part down.</param>
internal sealed record BaselineWalk(int Requests, int Assemblies, int Depth);

/// <summary>
/// The Python tool's call pattern, for comparison: a depth-first walk of the BOM tree that visits every BOM line
/// occurrence (a part shared by two assemblies is visited once per path) and for every visit, one request after
/// another, gets the part, its supplier parts and, for an assembly, its BOM. It counts and times; it calculates nothing.
/// </summary>
internal sealed class PerPartBaselineClient : IDisposable
{
    private readonly HttpClient _http;

    public PerPartBaselineClient(Uri serverRoot, string token)
    {
        _http = new HttpClient { BaseAddress = new Uri(serverRoot, "api/") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public async Task<BaselineWalk> WalkAsync(IReadOnlyList<TopLevel> roots, CancellationToken cancellationToken)
    {
        var walk = new Walk();
        var depth = 0;
        foreach (var root in roots)
        {
            depth = Math.Max(depth, await VisitAsync(root.Pk, root.Parse(), walk, cancellationToken));
        }
        return new BaselineWalk(walk.Requests, walk.Assemblies.Count, depth);
    }

    public void Dispose() => _http.Dispose();

    /// <returns>The assembly levels at and below <paramref name="pk"/> (0 for a part that is not an assembly).</returns>
    private async Task<int> VisitAsync(int pk, PartRequest? expected, Walk walk, CancellationToken cancellationToken)
    {
        if (!walk.OnPath.Add(pk))
        {
            return 0; // a BOM cycle; the Python tool would recurse forever, we stop
        }
        bool assembly;
        using (var part = await GetJsonAsync($"part/{pk}/", walk, cancellationToken))
        {
            assembly = part.RootElement.GetProperty("assembly").GetBoolean();
            if (expected is not null)
            {
                VerifyRoot(pk, expected, part.RootElement);
            }
        }
        // The emulator ignores `part` here (real InvenTree filters on it); the limit keeps the payload near what a real
        // server sends for one part instead of every supplier part, which would slow the baseline unfairly.
        using (await GetJsonAsync($"company/part/?part={pk}&limit=10", walk, cancellationToken))
        {
        }
        var depth = 0;
        if (assembly)
        {
            walk.Assemblies.Add(pk);
            List<int> subParts;
            using (var bom = await GetJsonAsync($"bom/?part={pk}", walk, cancellationToken))
            {
                subParts = [.. bom.RootElement.EnumerateArray().Select(line => line.GetProperty("sub_part").GetInt32())];
            }
            foreach (var subPart in subParts)
            {
                depth = Math.Max(depth, await VisitAsync(subPart, null, walk, cancellationToken));
            }
            depth++;
        }
        walk.OnPath.Remove(pk);
        return depth;
    }

    private async Task<JsonDocument> GetJsonAsync(string relative, Walk walk, CancellationToken cancellationToken)
    {
        walk.Requests++;
        using var response = await _http.GetAsync(relative, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
    }

    /// <summary>A scenario's pk must be the part its request names, or the two sides would measure different trees.</summary>
    private static void VerifyRoot(int pk, PartRequest expected, JsonElement part)
    {
        var name = part.GetProperty("name").GetString();
        var revision = part.TryGetProperty("revision", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        if (name != expected.Name || (expected.Revision is { } rev && revision != rev))
        {
            throw new InvalidOperationException($"Scenario expects #{pk} to be \"{expected.Label}\", the server has \"{name}\" revision \"{revision}\".");
        }
    }

    private sealed class Walk
    {
        public int Requests;
        public readonly HashSet<int> Assemblies = [];
        public readonly HashSet<int> OnPath = [];
    }
}
