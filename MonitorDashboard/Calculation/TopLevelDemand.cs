using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Calculation;

/// <summary>The top-level parts that start the BOM explosion and the quantity asked for each.</summary>
/// <param name="Roots">Distinct pks in the order they were first requested.</param>
/// <param name="Quantities">Total quantity asked per pk (a part requested twice adds up).</param>
internal sealed record TopLevelDemand(
    IReadOnlyList<int> Roots,
    IReadOnlyDictionary<int, decimal> Quantities,
    IReadOnlyList<NotFoundPart> NotFound)
{
    /// <summary>
    /// Sorts the requests into usable demand and parts not found. A resolved part missing from
    /// <paramref name="parts"/> is added to it, so later passes can rely on every root being there.
    /// </summary>
    public static TopLevelDemand Resolve(
        IReadOnlyList<ResolvedRequest> requests,
        Dictionary<int, InvenTreePart> parts,
        WarningLog warnings)
    {
        var roots = new List<int>();
        var quantities = new Dictionary<int, decimal>();
        var notFound = new List<NotFoundPart>();

        foreach (var resolved in requests)
        {
            var request = resolved.Request;
            if (resolved.Part is not { } part)
            {
                var missing = new NotFoundPart(request.Name ?? request.Label, request.Revision, resolved.Matches.Count);
                if (!notFound.Contains(missing))
                {
                    notFound.Add(missing);
                }

                continue;
            }

            if (request.Quantity <= 0)
            {
                warnings.Add($"Top-level part {part.Label()} is requested with quantity {request.Quantity.Format()}; ignored");
                continue;
            }

            parts.TryAdd(part.Pk, part);
            if (quantities.TryGetValue(part.Pk, out var sofar))
            {
                quantities[part.Pk] = sofar + request.Quantity;
            }
            else
            {
                quantities[part.Pk] = request.Quantity;
                roots.Add(part.Pk);
            }
        }

        return new TopLevelDemand(roots, quantities, notFound);
    }
}
