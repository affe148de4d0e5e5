namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>The only URLs the emulator knows; anything else is a 404.</summary>
internal static class EmulatorRoutes
{
    public static void Map(IEndpointRouteBuilder routes, InvenTreeFixture data, EmulatorOptions options)
    {
        var parts = new PartEndpoints(data, options);
        var catalog = new CatalogEndpoints(data, options);
        var suppliers = new SupplierEndpoints(data);
        var orders = new PurchaseOrderEndpoints(data, options.Clock);
        routes.MapGet("/api/", context => ServerInfoAsync(context, options));
        routes.MapGet("/api/part/", parts.ListAsync);
        routes.MapGet("/api/part/{pk:int}/", parts.DetailAsync);
        routes.MapGet("/api/bom/", catalog.BomAsync);
        routes.MapGet("/api/company/", catalog.CompaniesAsync);
        routes.MapGet("/api/company/part/", suppliers.SupplierPartsAsync);
        routes.MapGet("/api/company/price-break/", suppliers.PriceBreaksAsync);
        routes.MapGet("/api/order/po/", orders.ListOrdersAsync);
        routes.MapPost("/api/order/po/", orders.CreateOrderAsync);
        routes.MapGet("/api/order/po/{pk:int}/", orders.OrderDetailAsync);
        routes.MapDelete("/api/order/po/{pk:int}/", orders.DeleteOrderAsync);
        routes.MapGet("/api/order/po-line/", orders.ListLinesAsync);
        routes.MapPost("/api/order/po-line/", orders.CreateLineAsync);
        routes.MapGet("/api/order/po-line/{pk:int}/", orders.LineDetailAsync);
        routes.MapDelete("/api/order/po-line/{pk:int}/", orders.DeleteLineAsync);
        routes.MapGet("/api/build/", catalog.BuildsAsync);
        routes.MapGet("/api/stock/", catalog.StockAsync);
    }

    private static Task ServerInfoAsync(HttpContext context, EmulatorOptions options) =>
        JsonResponse.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("server", "InvenTree");
            w.WriteString("version", options.ServerVersion);
            w.WriteNumber("apiVersion", options.ApiVersion);
            w.WriteString("instance", "MonitorDashboard emulator");
            w.WriteEndObject();
        });
}
