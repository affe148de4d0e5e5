using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.InvenTree;

/// <summary>
/// The only writes the app makes to InvenTree: drafting purchase orders, on an admin's confirmed action. Orders are
/// created Pending (never placed or sent to a supplier). Read them back with <see cref="IInvenTreeClient.GetPurchaseOrderAsync"/>
/// and <see cref="IInvenTreeClient.GetPurchaseOrderLinesAsync"/>.
/// </summary>
/// <remarks>
/// Every write has a deadline (<c>InvenTree:RequestTimeout</c>, covering the whole answer) and is never retried:
/// a write that timed out or lost its connection may have been applied by the server, and sending it again could
/// create a second order or (lines are merged) double a quantity. Such a failure says so; read the order back before
/// trying again. Writes go only to the configured server or, in demo mode, to the embedded emulator
/// (<see cref="InvenTreeWriteRefusedException"/> otherwise).
/// </remarks>
public interface IInvenTreeOrderWriter
{
    /// <summary>
    /// Creates a Pending purchase order for the supplier (a company pk) with this description; the server makes its
    /// reference (e.g. "PO0013") and pk, returned in the order.
    /// </summary>
    /// <exception cref="InvenTreeRequestException">InvenTree refused it (400), the message naming the field, e.g. <c>supplier</c>.</exception>
    Task<InvenTreePurchaseOrder> CreatePendingOrderAsync(int supplierPk, string description, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a line: <paramref name="supplierPartPk"/> is the SUPPLIER part (InvenTree's <c>part</c> on a line), and
    /// <paramref name="quantity"/> is in its units (packs). When the order already has a line for that supplier part,
    /// InvenTree merges: the quantity is added to that line, which is returned (same pk, larger quantity).
    /// </summary>
    /// <param name="reference">Shown on the line in InvenTree (e.g. the monitoring list); may be null.</param>
    /// <exception cref="InvenTreeRequestException">InvenTree refused it (400), e.g. "part: Invalid pk "999999" - object does not exist".</exception>
    Task<InvenTreePurchaseOrderLine> AddLineAsync(int orderPk, int supplierPartPk, decimal quantity, string? reference, CancellationToken cancellationToken);

    /// <summary>Deletes a purchase order and its lines (clean-up; tests).</summary>
    /// <exception cref="InvenTreeNotFoundException">There is no such order.</exception>
    Task DeleteOrderAsync(int orderPk, CancellationToken cancellationToken);
}

internal sealed partial class InvenTreeOrderWriter(
    HttpClient http,
    InvenTreeWriteTarget target,
    InvenTreeCertificateTrust certificates,
    ILogger<InvenTreeOrderWriter> logger) : IInvenTreeOrderWriter
{
    private const string MayHaveBeenApplied =
        " InvenTree may have applied it before the answer was lost, so it was not sent again: read the order back in InvenTree before trying again.";

    public async Task<InvenTreePurchaseOrder> CreatePendingOrderAsync(int supplierPk, string description, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(description);
        // No reference: the server makes the next one (recorded). No status: a new order is Pending.
        var order = await SendAsync<InvenTreePurchaseOrder>(HttpMethod.Post, "order/po/",
            new Dictionary<string, object?> { ["supplier"] = supplierPk, ["description"] = description }, cancellationToken);
        LogOrderCreated(order.Reference, order.Pk, supplierPk);
        return order;
    }

    public async Task<InvenTreePurchaseOrderLine> AddLineAsync(
        int orderPk, int supplierPartPk, decimal quantity, string? reference, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var body = new Dictionary<string, object?> { ["order"] = orderPk, ["part"] = supplierPartPk, ["quantity"] = quantity };
        if (!string.IsNullOrEmpty(reference))
        {
            body["reference"] = reference;
        }
        var line = await SendAsync<InvenTreePurchaseOrderLine>(HttpMethod.Post, "order/po-line/", body, cancellationToken);
        LogLineAdded(orderPk, line.Pk, supplierPartPk, quantity, line.Quantity);
        return line;
    }

    public async Task DeleteOrderAsync(int orderPk, CancellationToken cancellationToken)
    {
        await SendAsync<JsonElement?>(HttpMethod.Delete, $"order/po/{orderPk}/", body: null, cancellationToken);
        LogOrderDeleted(orderPk);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string relative, object? body, CancellationToken cancellationToken)
    {
        var endpoint = await target.ResolveAsync(cancellationToken);
        var uri = new Uri(endpoint.ApiBase, relative);
        var shown = $"{method} {uri.AbsolutePath}";
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(endpoint.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", endpoint.Token);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: InvenTreeClient.Json);
        }

        HttpResponseMessage response;
        try
        {
            // The pipeline of this client has a timeout and no retry (see InvenTreeServiceCollectionExtensions).
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception ex) when (InvenTreeFailures.IsNoAnswer(ex, cancellationToken))
        {
            LogWriteFailed(shown, endpoint.ApiBase.Authority, ex.Message);
            throw InvenTreeFailures.Unreachable(ex, endpoint, shown, certificates, method == HttpMethod.Delete ? "" : MayHaveBeenApplied);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var failure = await InvenTreeFailures.FromResponseAsync(response, shown, retries: 0, cancellationToken);
                LogWriteRefused(shown, (int)response.StatusCode, failure.Message);
                throw failure;
            }
            if (response.Content.Headers.ContentLength == 0 || response.StatusCode == System.Net.HttpStatusCode.NoContent)
            {
                return default!;
            }
            try
            {
                return await response.Content.ReadFromJsonAsync<T>(InvenTreeClient.Json, cancellationToken)
                       ?? throw new InvenTreeRequestException($"InvenTree returned an empty body for {shown}.");
            }
            catch (JsonException ex)
            {
                throw new InvenTreeRequestException($"InvenTree returned malformed JSON for {shown}: {ex.Message}");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created Pending purchase order {Reference} (pk {OrderPk}) for supplier {SupplierPk} in InvenTree")]
    private partial void LogOrderCreated(string reference, int orderPk, int supplierPk);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purchase order {OrderPk}: line {LinePk} for supplier part {SupplierPartPk} +{Quantity}, now {LineQuantity}")]
    private partial void LogLineAdded(int orderPk, int linePk, int supplierPartPk, decimal quantity, decimal lineQuantity);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted purchase order {OrderPk} in InvenTree")]
    private partial void LogOrderDeleted(int orderPk);

    [LoggerMessage(Level = LogLevel.Warning, Message = "InvenTree write {Request} at {Server} got no answer (not retried): {Reason}")]
    private partial void LogWriteFailed(string request, string server, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "InvenTree refused {Request} with HTTP {Status}: {Reason}")]
    private partial void LogWriteRefused(string request, int status, string reason);
}
