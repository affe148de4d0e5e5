namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>The other list endpoints: BOM lines, suppliers, build orders and stock items.</summary>
internal sealed class CatalogEndpoints(InvenTreeFixture fixture, EmulatorOptions options)
{
    /// <summary>Before API 433 substitutes were always serialized; since then only with <c>substitutes=true</c>.</summary>
    public const int SubstitutesOptionalSince = 433;

    /// <summary>BOM lines have <c>attrition</c>, <c>setup_quantity</c> and <c>rounding_multiple</c> since API 371.</summary>
    public const int QuantityRulesSince = 371;

    public async Task BomAsync(HttpContext context)
    {
        var index = fixture.Index;
        var filters = new QueryFilters(context.Request.Query);
        var part = filters.Relation("part", index.PartsByPk.ContainsKey);
        var withSubstitutes = options.ApiVersion < SubstitutesOptionalSince || filters.Boolean("substitutes") == true;
        var page = Pagination.Read(context.Request.Query);
        if (filters.HasErrors)
        {
            await JsonResponse.FieldErrorsAsync(context, filters.Errors);
            return;
        }
        var lines = part is { } pk ? index.BomFor(pk) : index.Data.BomItems;
        await page.WriteAsync(context, lines, (w, line) => JsonResponse.WriteDto(w, BomItem(line, index, withSubstitutes)));
    }

    public async Task CompaniesAsync(HttpContext context)
    {
        var index = fixture.Index;
        var filters = new QueryFilters(context.Request.Query);
        var isSupplier = filters.Boolean("is_supplier");
        var page = Pagination.Read(context.Request.Query);
        if (filters.HasErrors)
        {
            await JsonResponse.FieldErrorsAsync(context, filters.Errors);
            return;
        }
        // Ordered by name, as InvenTree's company list is.
        var companies = index.Data.Companies.Where(c => isSupplier is not { } s || c.IsSupplier == s)
            .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Pk).ToList();
        await page.WriteAsync(context, companies, (w, c) =>
            JsonResponse.WriteDto(w, new CompanyJson { Pk = c.Pk, Name = c.Name, IsSupplier = c.IsSupplier }));
    }

    public async Task BuildsAsync(HttpContext context)
    {
        var index = fixture.Index;
        var filters = new QueryFilters(context.Request.Query);
        var part = filters.Relation("part", index.PartsByPk.ContainsKey);
        var active = filters.Boolean("active");
        var page = Pagination.Read(context.Request.Query);
        if (filters.HasErrors)
        {
            await JsonResponse.FieldErrorsAsync(context, filters.Errors);
            return;
        }
        // Newest first: InvenTree orders builds by descending reference, and the references follow the pks.
        var builds = index.Data.Builds
            .Where(b => part is not { } pk || b.Part == pk)
            .Where(b => active is not { } a || InvenTreeStatus.IsBuildActive(b.Status) == a)
            .OrderByDescending(b => b.Pk)
            .ToList();
        await page.WriteAsync(context, builds, (w, b) => JsonResponse.WriteDto(w, new BuildJson
        {
            Pk = b.Pk,
            Part = b.Part,
            Quantity = b.Quantity,
            Completed = b.Completed,
            Status = b.Status,
        }));
    }

    private BomItemJson BomItem(FixtureBomItem line, FixtureIndex index, bool withSubstitutes)
    {
        var json = new BomItemJson
        {
            Pk = line.Pk,
            Part = line.Part,
            SubPart = line.SubPart,
            Quantity = line.Quantity,
            Optional = line.Optional,
            Consumable = line.Consumable,
            Inherited = line.Inherited,
            AllowVariants = line.AllowVariants,
            Reference = line.Reference,
            Substitutes = withSubstitutes
                ? [.. index.SubstitutesOf(line.Pk).Select(s => new BomSubstituteJson { Pk = s.Pk, BomItem = s.BomItem, Part = s.Part })]
                : null,
        };
        return options.ApiVersion < QuantityRulesSince
            ? json
            : new BomItemWithQuantityRulesJson(json)
            {
                Attrition = line.Attrition,
                SetupQuantity = line.SetupQuantity,
                RoundingMultiple = line.RoundingMultiple,
            };
    }

    /// <summary>
    /// The stock list with the filters we use: <c>is_building</c>, and <c>part</c>, which like InvenTree's includes
    /// the part's variants unless <c>include_variants=false</c>. Every item, in stock or not (no status filter).
    /// </summary>
    public async Task StockAsync(HttpContext context)
    {
        var index = fixture.Index;
        var filters = new QueryFilters(context.Request.Query);
        var part = filters.Relation("part", index.PartsByPk.ContainsKey);
        var includeVariants = filters.Boolean("include_variants") ?? true;
        var isBuilding = filters.Boolean("is_building");
        var page = Pagination.Read(context.Request.Query);
        if (filters.HasErrors)
        {
            await JsonResponse.FieldErrorsAsync(context, filters.Errors);
            return;
        }
        HashSet<int>? parts = part is { } pk
            ? [pk, .. includeVariants ? index.Tree.Descendants(pk) : []]
            : null;
        var items = index.Data.StockItems.Values
            .Where(i => parts is null || parts.Contains(i.Part))
            .Where(i => isBuilding is not { } b || i.IsBuilding == b)
            .OrderBy(i => i.Pk)
            .ToList();
        await page.WriteAsync(context, items, (w, i) => JsonResponse.WriteDto(w, new StockItemJson
        {
            Pk = i.Pk,
            Part = i.Part,
            Quantity = i.Quantity,
            IsBuilding = i.IsBuilding,
            Status = i.Status,
            Build = i.Build,
        }));
    }
}
