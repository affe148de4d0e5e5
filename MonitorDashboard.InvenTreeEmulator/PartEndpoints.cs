namespace MonitorDashboard.InvenTreeEmulator;

/// <summary><c>/api/part/</c> (list with the few filters InvenTree has that we use, and <c>search</c> for suggestions) and <c>/api/part/&lt;pk&gt;/</c>.</summary>
internal sealed class PartEndpoints(InvenTreeFixture fixture, EmulatorOptions options)
{
    public async Task ListAsync(HttpContext context)
    {
        var index = fixture.Index;
        var filters = new QueryFilters(context.Request.Query);
        var nameRegex = filters.CaseInsensitiveRegex("name_regex");
        var search = filters.SearchTerms("search");
        var inBomFor = filters.Relation("in_bom_for", index.PartsByPk.ContainsKey);
        var active = filters.Boolean("active");
        var assembly = filters.Boolean("assembly");
        var purchaseable = filters.Boolean("purchaseable");
        var page = Pagination.Read(context.Request.Query);
        if (filters.HasErrors)
        {
            await JsonResponse.FieldErrorsAsync(context, filters.Errors);
            return;
        }

        IEnumerable<FixturePart> parts = index.Data.Parts;
        if (nameRegex is not null)
        {
            parts = parts.Where(p => nameRegex.IsMatch(p.Name));
        }
        if (search is not null)
        {
            parts = parts.Where(p => search.All(term => Matches(p, term)));
        }
        if (inBomFor is { } assemblyPk)
        {
            var usable = index.PartsInBomFor(assemblyPk);
            parts = parts.Where(p => usable.Contains(p.Pk));
        }
        if (active is { } a)
        {
            parts = parts.Where(p => p.Active == a);
        }
        if (assembly is { } asm)
        {
            parts = parts.Where(p => p.Assembly == asm);
        }
        if (purchaseable is { } pur)
        {
            parts = parts.Where(p => p.Purchaseable == pur);
        }
        // InvenTree's part list is ordered by name (byte order on the recorded SQLite server; PostgreSQL sorts by its
        // collation), pk breaking ties.
        await page.WriteAsync(context, [.. parts.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Pk)],
            (w, part) => PartJsonWriter.Write(w, part, index.FiguresOf(part.Pk), options.ApiVersion));
    }

    // Every word must occur in one of the search fields (InvenTree searches more fields; these are the ones we serve).
    private static bool Matches(FixturePart part, string term) =>
        new[] { part.Name, part.Ipn, part.Description }.Any(field => field?.Contains(term, StringComparison.OrdinalIgnoreCase) == true);

    public Task DetailAsync(HttpContext context)
    {
        var index = fixture.Index;
        var pk = int.Parse((string)context.Request.RouteValues["pk"]!, System.Globalization.CultureInfo.InvariantCulture);
        if (!index.PartsByPk.TryGetValue(pk, out var part))
        {
            return JsonResponse.DetailAsync(context, StatusCodes.Status404NotFound, "No Part matches the given query.");
        }
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK,
            w => PartJsonWriter.Write(w, part, index.FiguresOf(pk), options.ApiVersion));
    }
}
