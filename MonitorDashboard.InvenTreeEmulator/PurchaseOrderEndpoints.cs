using System.Globalization;
using System.Text.RegularExpressions;

namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>
/// <c>/api/order/po/</c> and <c>/api/order/po-line/</c>: list, detail, create (POST) and delete, with the behaviour
/// recorded on a real InvenTree 1.4 — a created order is Pending with a server-made reference, a second line for the
/// same supplier part is merged into the first (201), an unknown supplier part is a 400 naming <c>part</c>, and the
/// lines of open orders count in the parts' <c>ordering</c> (the fixture recomputes the figures after each change).
/// </summary>
internal sealed partial class PurchaseOrderEndpoints(InvenTreeFixture fixture, TimeProvider clock)
{
    public async Task ListOrdersAsync(HttpContext context)
    {
        var index = fixture.Index;
        var filters = new QueryFilters(context.Request.Query);
        var outstanding = filters.Boolean("outstanding");
        var supplier = filters.Relation("supplier", index.CompaniesByPk.ContainsKey);
        var page = Pagination.Read(context.Request.Query);
        if (filters.HasErrors)
        {
            await JsonResponse.FieldErrorsAsync(context, filters.Errors);
            return;
        }
        // InvenTree lists orders by descending reference (recorded: PO0012, PO0007, PO0004, ...).
        var orders = index.Data.PurchaseOrders
            .Where(o => outstanding is not { } open || InvenTreeStatus.IsPurchaseOrderOpen(o.Status) == open)
            .Where(o => supplier is not { } pk || o.Supplier == pk)
            .OrderByDescending(o => ReferenceNumber(o.Reference)).ThenByDescending(o => o.Pk)
            .ToList();
        await page.WriteAsync(context, orders, (w, o) => JsonResponse.WriteDto(w, OrderJson(index, o, withSupplierDetail: false)));
    }

    public Task OrderDetailAsync(HttpContext context)
    {
        var index = fixture.Index;
        return index.PurchaseOrdersByPk.TryGetValue(RoutePk(context), out var order)
            ? JsonResponse.WriteAsync(context, StatusCodes.Status200OK, w => JsonResponse.WriteDto(w, OrderJson(index, order, withSupplierDetail: false)))
            : JsonResponse.DetailAsync(context, StatusCodes.Status404NotFound, "No PurchaseOrder matches the given query.");
    }

    public async Task CreateOrderAsync(HttpContext context)
    {
        if (await RequestBody.ReadAsync(context) is not { } body)
        {
            return;
        }
        var index = fixture.Index;
        var supplier = body.Pk("supplier", pk => index.CompaniesByPk.TryGetValue(pk, out var c) && c.IsSupplier);
        var description = body.Text("description");
        var supplierReference = body.Text("supplier_reference", maxLength: 64);
        var targetDate = body.Date("target_date");
        if (body.HasErrors)
        {
            await JsonResponse.FieldErrorsAsync(context, body.Errors);
            return;
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var order = fixture.Mutate(data => PurchaseOrderBook.Create(data, supplier!.Value, description, supplierReference, targetDate, today));
        // Recorded: the answer to the POST has no line counts yet (null) and carries supplier_detail.
        var json = OrderJson(fixture.Index, order, withSupplierDetail: true) with { LineItems = null, CompletedLines = null };
        await JsonResponse.WriteAsync(context, StatusCodes.Status201Created, w => JsonResponse.WriteDto(w, json));
    }

    public Task DeleteOrderAsync(HttpContext context) =>
        fixture.Mutate(data => PurchaseOrderBook.DeleteOrder(data, RoutePk(context)))
            ? NoContentAsync(context)
            : JsonResponse.DetailAsync(context, StatusCodes.Status404NotFound, "No PurchaseOrder matches the given query.");

    public async Task ListLinesAsync(HttpContext context)
    {
        var index = fixture.Index;
        var filters = new QueryFilters(context.Request.Query);
        var order = filters.Relation("order", index.PurchaseOrdersByPk.ContainsKey);
        var supplierPart = filters.Relation("part", index.SupplierPartsByPk.ContainsKey);
        var page = Pagination.Read(context.Request.Query);
        if (filters.HasErrors)
        {
            await JsonResponse.FieldErrorsAsync(context, filters.Errors);
            return;
        }
        var lines = index.Data.PurchaseLines
            .Where(l => order is not { } pk || l.Order == pk)
            .Where(l => supplierPart is not { } pk || l.SupplierPart == pk)
            .OrderBy(l => l.Pk)
            .ToList();
        await page.WriteAsync(context, lines, (w, l) => JsonResponse.WriteDto(w, LineJson(index, l)));
    }

    public Task LineDetailAsync(HttpContext context)
    {
        var index = fixture.Index;
        var line = index.Data.PurchaseLines.FirstOrDefault(l => l.Pk == RoutePk(context));
        return line is not null
            ? JsonResponse.WriteAsync(context, StatusCodes.Status200OK, w => JsonResponse.WriteDto(w, LineJson(index, line)))
            : JsonResponse.DetailAsync(context, StatusCodes.Status404NotFound, "No PurchaseOrderLineItem matches the given query.");
    }

    public async Task CreateLineAsync(HttpContext context)
    {
        if (await RequestBody.ReadAsync(context) is not { } body)
        {
            return;
        }
        var index = fixture.Index;
        var orderPk = body.Pk("order", index.PurchaseOrdersByPk.ContainsKey);
        var supplierPartPk = body.Pk("part", index.SupplierPartsByPk.ContainsKey);
        // Recorded: a line without quantity is accepted with InvenTree's default of 1.
        var quantity = body.Number("quantity", fallback: 1, minimum: 0);
        var reference = body.Text("reference", maxLength: 100);
        var targetDate = body.Date("target_date");
        var merge = body.Boolean("merge_items", fallback: true);
        if (quantity == 0 && !body.Errors.ContainsKey("quantity"))
        {
            body.AddError("quantity", "Quantity must be greater than zero");
        }
        if (orderPk is { } o && supplierPartPk is { } sp && index.PurchaseOrdersByPk[o].Supplier != index.SupplierPartsByPk[sp].Supplier)
        {
            body.AddError("part", "Supplier must match purchase order");
        }
        if (body.HasErrors)
        {
            await JsonResponse.FieldErrorsAsync(context, body.Errors);
            return;
        }
        var wanted = new FixturePurchaseLine(0, orderPk!.Value, supplierPartPk, quantity, 0, reference, targetDate);
        var line = fixture.Mutate(data => PurchaseOrderBook.AddLine(data, wanted, merge));
        await JsonResponse.WriteAsync(context, StatusCodes.Status201Created, w => JsonResponse.WriteDto(w, LineJson(fixture.Index, line)));
    }

    public Task DeleteLineAsync(HttpContext context) =>
        fixture.Mutate(data => PurchaseOrderBook.DeleteLine(data, RoutePk(context)))
            ? NoContentAsync(context)
            : JsonResponse.DetailAsync(context, StatusCodes.Status404NotFound, "No PurchaseOrderLineItem matches the given query.");

    private static PurchaseOrderJson OrderJson(FixtureIndex index, FixturePurchaseOrder order, bool withSupplierDetail)
    {
        var lines = index.Data.PurchaseLines.Where(l => l.Order == order.Pk).ToList();
        return new PurchaseOrderJson
        {
            Pk = order.Pk,
            Reference = order.Reference,
            Description = order.Description,
            Supplier = order.Supplier,
            SupplierName = order.Supplier is { } s ? index.CompaniesByPk.GetValueOrDefault(s)?.Name : null,
            SupplierReference = order.SupplierReference,
            Status = order.Status,
            StatusText = StatusText(order.Status),
            CreationDate = order.CreationDate,
            IssueDate = order.IssueDate,
            TargetDate = order.TargetDate,
            LineItems = lines.Count,
            CompletedLines = lines.Count(l => l.Received >= l.Quantity),
            SupplierDetail = withSupplierDetail ? SupplierEndpoints.SupplierDetail(index, order.Supplier) : null,
        };
    }

    private static PurchaseOrderLineJson LineJson(FixtureIndex index, FixturePurchaseLine line)
    {
        var supplierPart = line.SupplierPart is { } sp ? index.SupplierPartsByPk.GetValueOrDefault(sp) : null;
        return new PurchaseOrderLineJson
        {
            Pk = line.Pk,
            Order = line.Order,
            Part = line.SupplierPart,
            Quantity = line.Quantity,
            Received = line.Received,
            Reference = line.Reference,
            TargetDate = line.TargetDate,
            Destination = line.Destination,
            Sku = supplierPart?.Sku,
            InternalPart = supplierPart?.Part,
            InternalPartName = supplierPart is not null ? index.PartsByPk.GetValueOrDefault(supplierPart.Part)?.Name : null,
        };
    }

    /// <summary>InvenTree's PurchaseOrderStatus labels.</summary>
    private static string StatusText(int status) => status switch
    {
        10 => "Pending",
        20 => "Placed",
        25 => "On Hold",
        30 => "Complete",
        40 => "Cancelled",
        50 => "Lost",
        60 => "Returned",
        _ => status.ToString(CultureInfo.InvariantCulture),
    };

    private static long ReferenceNumber(string reference) =>
        TrailingDigits().Match(reference) is { Success: true } m && long.TryParse(m.Value, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static int RoutePk(HttpContext context) =>
        int.Parse((string)context.Request.RouteValues["pk"]!, CultureInfo.InvariantCulture);

    private static Task NoContentAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingDigits();
}
