namespace MonitorDashboard.InvenTreeEmulator;

/// <summary><c>/api/company/part/</c> (supplier parts) and <c>/api/company/price-break/</c> (their price breaks).</summary>
internal sealed class SupplierEndpoints(InvenTreeFixture fixture)
{
    public async Task SupplierPartsAsync(HttpContext context)
    {
        var index = fixture.Index;
        var filters = new QueryFilters(context.Request.Query);
        var supplier = filters.Relation("supplier", index.CompaniesByPk.ContainsKey);
        var part = filters.Relation("part", index.PartsByPk.ContainsKey);
        var page = Pagination.Read(context.Request.Query);
        if (filters.HasErrors)
        {
            await JsonResponse.FieldErrorsAsync(context, filters.Errors);
            return;
        }
        // InvenTree 1.4 includes supplier_detail unless it is turned off (SupplierPartMixin: default True).
        var withSupplier = filters.Boolean("supplier_detail") ?? true;
        var supplierParts = index.Data.SupplierParts
            .Where(s => supplier is not { } pk || s.Supplier == pk)
            .Where(s => part is not { } pk || s.Part == pk)
            .ToList();
        await page.WriteAsync(context, supplierParts, (w, s) => JsonResponse.WriteDto(w, new SupplierPartJson
        {
            Pk = s.Pk,
            Part = s.Part,
            Supplier = s.Supplier,
            Sku = s.Sku,
            Description = s.Description,
            Active = s.Active,
            Primary = s.Primary,
            PackQuantityNative = s.PackQuantity,
            InStock = index.SupplierPartStock.GetValueOrDefault(s.Pk),
            Available = s.Available,
            OnOrder = index.SupplierPartOnOrder.GetValueOrDefault(s.Pk),
            SupplierDetail = withSupplier ? SupplierDetail(index, s.Supplier) : null,
        }));
    }

    /// <summary>
    /// Supplier price breaks, ordered by quantity as InvenTree orders them, with its filters <c>part</c> (the supplier
    /// part), <c>base_part</c> (the part) and <c>supplier</c>.
    /// </summary>
    public async Task PriceBreaksAsync(HttpContext context)
    {
        var index = fixture.Index;
        var filters = new QueryFilters(context.Request.Query);
        var supplierPart = filters.Relation("part", index.SupplierPartsByPk.ContainsKey);
        var basePart = filters.Relation("base_part", index.PartsByPk.ContainsKey);
        var supplier = filters.Relation("supplier", index.CompaniesByPk.ContainsKey);
        var page = Pagination.Read(context.Request.Query);
        if (filters.HasErrors)
        {
            await JsonResponse.FieldErrorsAsync(context, filters.Errors);
            return;
        }
        var breaks = index.Data.PriceBreaks
            .Select(b => (Break: b, Of: index.SupplierPartsByPk.GetValueOrDefault(b.SupplierPart)))
            .Where(x => x.Of is not null)
            .Where(x => supplierPart is not { } pk || x.Break.SupplierPart == pk)
            .Where(x => basePart is not { } pk || x.Of!.Part == pk)
            .Where(x => supplier is not { } pk || x.Of!.Supplier == pk)
            .OrderBy(x => x.Break.Quantity).ThenBy(x => x.Break.Pk)
            .ToList();
        await page.WriteAsync(context, breaks, (w, x) => JsonResponse.WriteDto(w, new PriceBreakJson
        {
            Pk = x.Break.Pk,
            Part = x.Break.SupplierPart,
            Supplier = x.Of!.Supplier,
            Quantity = x.Break.Quantity,
            Price = x.Break.Price,
            PriceCurrency = x.Break.Currency,
        }));
    }

    /// <summary>The nested company of a supplier part or purchase order; null for a dangling key.</summary>
    public static SupplierDetailJson? SupplierDetail(FixtureIndex index, int? supplier) =>
        supplier is { } pk && index.CompaniesByPk.TryGetValue(pk, out var c)
            ? new SupplierDetailJson { Pk = c.Pk, Active = c.Active, Name = c.Name, Description = c.Description, Currency = c.Currency }
            : null;
}
