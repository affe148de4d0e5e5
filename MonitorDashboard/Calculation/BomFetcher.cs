using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Calculation;

/// <summary>
/// Fetches everything a calculation needs, one BOM level per round: for every assembly of a level its
/// BOM and the parts in it (with stock figures) are requested concurrently. A check costs about
/// 1 + top-level parts + 2 × assemblies requests in 1 + BOM depth rounds.
/// </summary>
public sealed partial class BomFetcher(IInvenTreeClient client, IOptions<InvenTreeOptions> options, ILogger<BomFetcher> logger)
{
    /// <summary>API versions before this have no <c>scheduled_to_build</c>; it is derived from build orders.</summary>
    public const int ScheduledToBuildApiVersion = 348;

    /// <summary>The same fetcher over another client (e.g. the tick-shared <see cref="SharedFetchClient"/>).</summary>
    public BomFetcher With(IInvenTreeClient other) => new(other, options, logger);

    /// <param name="activity">Records each request in flight in words ("fetching the BOM of Widget Assembly"), so a
    /// caller that gives up can say what it was waiting for.</param>
    public async Task<BomData> FetchAsync(
        IReadOnlyList<PartRequest> requests,
        CalculationOptions calculation,
        CancellationToken cancellationToken,
        FetchActivity? activity = null)
    {
        using var tallyScope = RequestTally.Begin(out var tally);
        using var calls = new Calls(options.Value.MaxConcurrency, activity);
        var parts = new ConcurrentDictionary<int, InvenTreePart>();
        var boms = new ConcurrentDictionary<int, IReadOnlyList<InvenTreeBomItem>>();

        // Round 1: server info, the top-level parts and (when asked) the suppliers, all at once.
        var serverTask = calls.RunAsync("asking InvenTree for its version", client.GetServerInfoAsync, cancellationToken);
        var suppliersTask = calculation.ExcludeSuppliers.Count > 0
            ? calls.RunAsync("fetching the supplier list", client.GetSuppliersAsync, cancellationToken)
            : Task.FromResult<IReadOnlyList<InvenTreeCompany>>([]);
        var resolved = await Task.WhenAll(requests.Select(r => ResolveAsync(r, calls, cancellationToken)));
        var server = await serverTask;
        var rounds = 1;

        foreach (var part in resolved.Select(r => r.Part).OfType<InvenTreePart>())
        {
            parts[part.Pk] = part;
        }

        var excludedTask = ExcludedBySupplierAsync(calculation.ExcludeSuppliers, suppliersTask, calls, cancellationToken);

        var level = resolved.Select(r => r.Part).OfType<InvenTreePart>().Where(p => p.Assembly).Select(p => p.Pk).Distinct().ToList();
        var expanded = new HashSet<int>();
        while (level.Count > 0)
        {
            rounds++;
            expanded.UnionWith(level);
            await Task.WhenAll(level.Select(pk => ExpandAsync(pk, calls, parts, boms, cancellationToken)));
            level = boms.Where(b => level.Contains(b.Key))
                .SelectMany(b => b.Value)
                .Where(line => !(calculation.ExcludeOptional && line.Optional))
                .Select(line => line.SubPart)
                .Distinct()
                .Where(pk => !expanded.Contains(pk) && parts.TryGetValue(pk, out var p) && p.Assembly)
                .ToList();
        }

        if (server.ApiVersion < ScheduledToBuildApiVersion)
        {
            rounds++;
            await DeriveScheduledToBuildAsync(parts, calls, cancellationToken);
        }

        var excluded = await excludedTask;
        LogFetched(parts.Count, boms.Count, tally.Count, rounds);
        return new BomData
        {
            TopLevel = resolved,
            Parts = new Dictionary<int, InvenTreePart>(parts),
            Boms = new Dictionary<int, IReadOnlyList<InvenTreeBomItem>>(boms),
            ExcludedBySupplier = excluded,
            ApiVersion = server.ApiVersion,
            Requests = tally.Count,
            Rounds = rounds,
        };
    }

    private async Task<ResolvedRequest> ResolveAsync(PartRequest request, Calls calls, CancellationToken cancellationToken)
    {
        if (request.Pk is { } pk)
        {
            try
            {
                var part = await calls.RunAsync($"looking up part #{pk} in InvenTree", ct => client.GetPartAsync(pk, ct), cancellationToken);
                return new ResolvedRequest(request, [part]);
            }
            catch (InvenTreeNotFoundException)
            {
                return new ResolvedRequest(request, []);
            }
        }

        var candidates = await calls.RunAsync($"looking up {request.Label} in InvenTree",
            ct => client.FindPartsByNameAsync(request.Name ?? "", ct), cancellationToken);
        return new ResolvedRequest(request, PartMatching.ByRevision(candidates, request.Revision));
    }

    private async Task ExpandAsync(
        int assemblyPk,
        Calls calls,
        ConcurrentDictionary<int, InvenTreePart> parts,
        ConcurrentDictionary<int, IReadOnlyList<InvenTreeBomItem>> boms,
        CancellationToken cancellationToken)
    {
        var name = parts.TryGetValue(assemblyPk, out var assembly) ? assembly.Label() : $"part #{assemblyPk}";
        var bomTask = calls.RunAsync($"fetching the BOM of {name}",
            ct => client.GetBomAsync(assemblyPk, includeSubstitutes: true, ct), cancellationToken);
        var partsTask = calls.RunAsync($"fetching the parts in the BOM of {name}",
            ct => client.GetPartsInBomForAsync(assemblyPk, ct), cancellationToken);
        boms[assemblyPk] = await bomTask;
        foreach (var part in await partsTask)
        {
            parts.TryAdd(part.Pk, part);
        }
    }

    private async Task DeriveScheduledToBuildAsync(ConcurrentDictionary<int, InvenTreePart> parts, Calls calls, CancellationToken cancellationToken)
    {
        var assemblies = parts.Values.Where(p => p.Assembly && p.ScheduledToBuild is null).ToList();
        var builds = await Task.WhenAll(assemblies.Select(p =>
            calls.RunAsync($"fetching build orders of {p.Label()}", ct => client.GetActiveBuildsAsync(p.Pk, ct), cancellationToken)));
        for (var i = 0; i < assemblies.Count; i++)
        {
            var scheduled = builds[i].Where(b => b.Part == assemblies[i].Pk).Sum(b => Math.Max(0m, b.Quantity - b.Completed));
            parts[assemblies[i].Pk] = assemblies[i] with { ScheduledToBuild = scheduled };
        }
    }

    /// <summary>Two requests per named supplier (the company list is shared), not one per part.</summary>
    private async Task<IReadOnlySet<int>> ExcludedBySupplierAsync(
        IReadOnlyList<string> names,
        Task<IReadOnlyList<InvenTreeCompany>> suppliersTask,
        Calls calls,
        CancellationToken cancellationToken)
    {
        if (names.Count == 0)
        {
            return new HashSet<int>();
        }
        var suppliers = await suppliersTask;
        var wanted = suppliers.Where(s => names.Any(n => string.Equals(n.Trim(), s.Name, StringComparison.OrdinalIgnoreCase))).ToList();
        foreach (var missing in names.Where(n => !suppliers.Any(s => string.Equals(n.Trim(), s.Name, StringComparison.OrdinalIgnoreCase))))
        {
            LogUnknownSupplier(missing);
        }
        var supplierParts = await Task.WhenAll(wanted.Select(s =>
            calls.RunAsync($"fetching the parts of supplier {s.Name}", ct => client.GetSupplierPartsAsync(s.Pk, ct), cancellationToken)));
        return supplierParts.SelectMany(list => list).Select(sp => sp.Part).ToHashSet();
    }

    /// <summary>
    /// At most <c>MaxConcurrency</c> calls at once, each recorded in the activity from the moment it is wanted (a call
    /// queued behind the gate is waited for too).
    /// </summary>
    [LoggerMessage(Level = LogLevel.Debug, Message = "Fetched {PartCount} parts and {BomCount} BOMs in {Requests} requests and {Rounds} rounds")]
    private partial void LogFetched(int partCount, int bomCount, int requests, int rounds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Supplier {Supplier} to exclude is not known to InvenTree")]
    private partial void LogUnknownSupplier(string supplier);

    private sealed class Calls(int maxConcurrency, FetchActivity? activity) : IDisposable
    {
        private readonly SemaphoreSlim _gate = new(maxConcurrency);

        public async Task<T> RunAsync<T>(string description, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        {
            using var step = activity?.Begin(description);
            await _gate.WaitAsync(cancellationToken);
            try
            {
                return await call(cancellationToken);
            }
            catch (InvenTreeException ex)
            {
                // The message names the request by its path; the step says in words what it was for.
                ex.During(description);
                throw;
            }
            finally
            {
                _gate.Release();
            }
        }

        public void Dispose() => _gate.Dispose();
    }
}
