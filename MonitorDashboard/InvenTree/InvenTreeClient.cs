using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.InvenTree;

/// <summary>
/// The InvenTree REST API, restricted to the endpoints and filters InvenTree really honours
/// (unknown filters are silently ignored there, so a wrong one would return every part).
/// </summary>
public interface IInvenTreeClient
{
    Task<InvenTreeServerInfo> GetServerInfoAsync(CancellationToken cancellationToken);

    /// <summary>Parts whose name matches exactly (InvenTree's <c>name_regex</c> is case-insensitive; we compare on our side).</summary>
    Task<IReadOnlyList<InvenTreePart>> FindPartsByNameAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> parts for suggestions, via InvenTree's <c>search</c> parameter (DRF SearchFilter:
    /// every word must occur, in any case, in the name, IPN, description or another search field). One page, no walking.
    /// </summary>
    Task<IReadOnlyList<InvenTreePart>> SearchPartsAsync(string text, int limit, CancellationToken cancellationToken);

    Task<InvenTreePart> GetPartAsync(int pk, CancellationToken cancellationToken);

    Task<IReadOnlyList<InvenTreeBomItem>> GetBomAsync(int assemblyPk, bool includeSubstitutes, CancellationToken cancellationToken);

    /// <summary>Every part usable in the assembly's BOM (sub-parts, their variants, substitutes) with stock figures.</summary>
    Task<IReadOnlyList<InvenTreePart>> GetPartsInBomForAsync(int assemblyPk, CancellationToken cancellationToken);

    Task<IReadOnlyList<InvenTreeBuild>> GetActiveBuildsAsync(int partPk, CancellationToken cancellationToken);

    /// <summary>Every active build order (Pending, Production, On Hold) of every part, in one list.</summary>
    Task<IReadOnlyList<InvenTreeBuild>> GetAllActiveBuildsAsync(CancellationToken cancellationToken);

    /// <summary>Every stock item with <c>is_building=true</c> (outputs of builds in progress), of every part.</summary>
    Task<IReadOnlyList<InvenTreeStockItem>> GetBuildingStockAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<InvenTreeCompany>> GetSuppliersAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<InvenTreeSupplierPart>> GetSupplierPartsAsync(int supplierPk, CancellationToken cancellationToken);

    /// <summary>
    /// The supplier parts of these parts (<c>/api/company/part/</c>), each with its supplier's name, <c>primary</c>
    /// flag, pack size and stock figures. Fewest requests: the whole list when it is short, else one
    /// <c>part=</c> request per part (InvenTree has no "any of these parts" filter).
    /// </summary>
    Task<IReadOnlyList<InvenTreeSupplierPart>> GetSupplierPartsOfPartsAsync(IReadOnlyCollection<int> partPks, CancellationToken cancellationToken);

    /// <summary>The price breaks of these supplier parts (<c>/api/company/price-break/</c>), by ascending quantity.</summary>
    Task<IReadOnlyList<InvenTreePriceBreak>> GetPriceBreaksAsync(IReadOnlyCollection<int> supplierPartPks, CancellationToken cancellationToken);

    /// <summary>Every open purchase order (Pending, Placed, On hold: <c>/api/order/po/?outstanding=true</c>).</summary>
    Task<IReadOnlyList<InvenTreePurchaseOrder>> GetOpenPurchaseOrdersAsync(CancellationToken cancellationToken);

    /// <summary>One purchase order (<c>/api/order/po/&lt;pk&gt;/</c>); <see cref="InvenTreeNotFoundException"/> when there is none.</summary>
    Task<InvenTreePurchaseOrder> GetPurchaseOrderAsync(int orderPk, CancellationToken cancellationToken);

    /// <summary>The lines of these purchase orders (<c>/api/order/po-line/</c>, <c>order=</c> per order or the whole list, whichever takes fewer requests).</summary>
    Task<IReadOnlyList<InvenTreePurchaseOrderLine>> GetPurchaseOrderLinesAsync(IReadOnlyCollection<int> orderPks, CancellationToken cancellationToken);
}

internal sealed partial class InvenTreeClient(
    HttpClient http,
    IInvenTreeConnection connection,
    IOptions<InvenTreeOptions> options,
    InvenTreeCertificateTrust certificates,
    ILogger<InvenTreeClient> logger,
    InvenTreeServerVersion serverVersion) : IInvenTreeClient
{
    /// <summary>A sane bound on one list however it is paged: far beyond any real BOM, supplier or part search.</summary>
    internal const int MaxListItems = 1_000_000;

    /// <summary>How every answer is read (numbers may come as strings); the contract tests read recorded answers the same way.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };

    public async Task<InvenTreeServerInfo> GetServerInfoAsync(CancellationToken cancellationToken)
    {
        var info = await GetAsync<InvenTreeServerInfo>("", cancellationToken);
        serverVersion.Observe(info.ApiVersion);
        return info;
    }

    public async Task<IReadOnlyList<InvenTreePart>> FindPartsByNameAsync(string name, CancellationToken cancellationToken)
    {
        var candidates = await GetAllPagesAsync<InvenTreePart>(
            "part/?name_regex=" + Uri.EscapeDataString(PartNameRegex.Exact(name)), cancellationToken);
        // The server's match is case-insensitive and regex-dialect dependent; the decision is ours.
        var exact = candidates.Where(p => string.Equals(p.Name, name, StringComparison.Ordinal)).ToList();
        return exact.Count > 0
            ? exact
            : candidates.Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    public async Task<IReadOnlyList<InvenTreePart>> SearchPartsAsync(string text, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (string.IsNullOrWhiteSpace(text))
        {
            return []; // an empty search is no filter at all: it would list every part
        }
        var page = await GetAsync<InvenTreePage<InvenTreePart>>(
            $"part/?search={Uri.EscapeDataString(text.Trim())}&limit={limit}&offset=0", cancellationToken);
        return page.Results;
    }

    public Task<InvenTreePart> GetPartAsync(int pk, CancellationToken cancellationToken) =>
        GetAsync<InvenTreePart>($"part/{pk}/", cancellationToken);

    public Task<IReadOnlyList<InvenTreeBomItem>> GetBomAsync(int assemblyPk, bool includeSubstitutes, CancellationToken cancellationToken) =>
        GetAllPagesAsync<InvenTreeBomItem>(
            includeSubstitutes ? $"bom/?part={assemblyPk}&substitutes=true" : $"bom/?part={assemblyPk}", cancellationToken);

    public Task<IReadOnlyList<InvenTreePart>> GetPartsInBomForAsync(int assemblyPk, CancellationToken cancellationToken) =>
        GetAllPagesAsync<InvenTreePart>($"part/?in_bom_for={assemblyPk}", cancellationToken);

    public Task<IReadOnlyList<InvenTreeBuild>> GetActiveBuildsAsync(int partPk, CancellationToken cancellationToken) =>
        GetAllPagesAsync<InvenTreeBuild>($"build/?part={partPk}&active=true", cancellationToken);

    public Task<IReadOnlyList<InvenTreeBuild>> GetAllActiveBuildsAsync(CancellationToken cancellationToken) =>
        GetAllPagesAsync<InvenTreeBuild>("build/?active=true", cancellationToken);

    public Task<IReadOnlyList<InvenTreeStockItem>> GetBuildingStockAsync(CancellationToken cancellationToken) =>
        GetAllPagesAsync<InvenTreeStockItem>("stock/?is_building=true", cancellationToken);

    public Task<IReadOnlyList<InvenTreeCompany>> GetSuppliersAsync(CancellationToken cancellationToken) =>
        GetAllPagesAsync<InvenTreeCompany>("company/?is_supplier=true", cancellationToken);

    public Task<IReadOnlyList<InvenTreeSupplierPart>> GetSupplierPartsAsync(int supplierPk, CancellationToken cancellationToken) =>
        GetAllPagesAsync<InvenTreeSupplierPart>($"company/part/?supplier={supplierPk}", cancellationToken);

    public Task<IReadOnlyList<InvenTreeSupplierPart>> GetSupplierPartsOfPartsAsync(IReadOnlyCollection<int> partPks, CancellationToken cancellationToken) =>
        GetForKeysAsync<InvenTreeSupplierPart>("company/part/?supplier_detail=true", "part", partPks, s => s.Part, cancellationToken);

    public async Task<IReadOnlyList<InvenTreePriceBreak>> GetPriceBreaksAsync(IReadOnlyCollection<int> supplierPartPks, CancellationToken cancellationToken) =>
        [.. (await GetForKeysAsync<InvenTreePriceBreak>("company/price-break/", "part", supplierPartPks, b => b.Part, cancellationToken))
            .OrderBy(b => b.Part).ThenBy(b => b.Quantity)];

    public async Task<IReadOnlyList<InvenTreePurchaseOrder>> GetOpenPurchaseOrdersAsync(CancellationToken cancellationToken) =>
        // Our side decides what is open too: a proxy or an old server that dropped the filter must not add closed orders.
        [.. (await GetAllPagesAsync<InvenTreePurchaseOrder>("order/po/?outstanding=true", cancellationToken))
            .Where(o => InvenTreePurchaseOrderStatus.IsOpen(o.Status))];

    public Task<InvenTreePurchaseOrder> GetPurchaseOrderAsync(int orderPk, CancellationToken cancellationToken) =>
        GetAsync<InvenTreePurchaseOrder>($"order/po/{orderPk}/", cancellationToken);

    public Task<IReadOnlyList<InvenTreePurchaseOrderLine>> GetPurchaseOrderLinesAsync(IReadOnlyCollection<int> orderPks, CancellationToken cancellationToken) =>
        GetForKeysAsync<InvenTreePurchaseOrderLine>("order/po-line/", "order", orderPks, l => l.Order, cancellationToken);

    /// <summary>
    /// The items of a list that belong to <paramref name="keys"/> (the supplier parts of twelve parts, say) in the fewest
    /// requests. InvenTree has no "any of these" filter, so the list is either walked whole or asked once per key with
    /// <paramref name="keyFilter"/> (a filter the recording shows the server honours). One key: asked directly. More:
    /// the whole list's first page tells its length; when the rest of it takes no more requests than the keys would,
    /// it is walked, else each key is asked for (so at most one request more than the cheaper way). Every answer is
    /// filtered by key on our side as well, so a filter a server ignores costs requests, never wrong data.
    /// </summary>
    private async Task<IReadOnlyList<T>> GetForKeysAsync<T>(
        string listPath, string keyFilter, IReadOnlyCollection<int> keys, Func<T, int?> keyOf, CancellationToken cancellationToken)
    {
        var wanted = keys.Distinct().Order().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }
        var separator = listPath.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        string ForKey(int key) => $"{listPath}{separator}{keyFilter}={key}";

        IReadOnlyList<T> items;
        if (wanted.Count == 1)
        {
            items = await GetAllPagesAsync<T>(ForKey(wanted[0]), cancellationToken);
        }
        else
        {
            var first = await GetAsync<InvenTreePage<T>>($"{listPath}{separator}limit={options.Value.PageSize}&offset=0", cancellationToken);
            var perPage = Math.Max(1, first.Results.Count);
            var remainingPages = first.Results.Count == 0 ? 0 : (long)Math.Ceiling(Math.Max(0, first.Count - first.Results.Count) / (double)perPage);
            items = remainingPages <= wanted.Count
                ? await GetAllPagesAsync(listPath, cancellationToken, first)
                : await GetEachAsync(wanted, key => GetAllPagesAsync<T>(ForKey(key), cancellationToken), cancellationToken);
        }
        var set = wanted.ToHashSet();
        return [.. items.Where(i => keyOf(i) is { } k && set.Contains(k))];
    }

    /// <summary>One list per key, at most <see cref="InvenTreeOptions.MaxConcurrency"/> in flight, concatenated in key order.</summary>
    private async Task<IReadOnlyList<T>> GetEachAsync<T>(
        IReadOnlyList<int> keys, Func<int, Task<IReadOnlyList<T>>> fetch, CancellationToken cancellationToken)
    {
        var lists = new IReadOnlyList<T>[keys.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, keys.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = cancellationToken },
            async (i, _) => lists[i] = await fetch(keys[i]));
        return [.. lists.SelectMany(l => l)];
    }

    /// <summary>
    /// Always sends <c>limit</c> (without it InvenTree returns everything at once) and walks the offsets. A server (or
    /// proxy) that ignores <c>offset</c> serves the first page again and again: that is noticed and reported rather
    /// than paged for ever.
    /// </summary>
    /// <param name="firstPage">The first page when the caller already has it (asked with the same path and page size).</param>
    private async Task<IReadOnlyList<T>> GetAllPagesAsync<T>(string pathAndQuery, CancellationToken cancellationToken, InvenTreePage<T>? firstPage = null)
    {
        var pageSize = options.Value.PageSize;
        var separator = pathAndQuery.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var items = new List<T>();
        byte[]? previous = null;
        var mostPages = int.MaxValue;
        for (int offset = 0, pages = 1; ; pages++)
        {
            var page = pages == 1 && firstPage is not null
                ? firstPage
                : await GetAsync<InvenTreePage<T>>($"{pathAndQuery}{separator}limit={pageSize}&offset={offset}", cancellationToken);
            var results = JsonSerializer.SerializeToUtf8Bytes(page.Results, Json);
            if (previous is not null && page.Results.Count > 0 && results.AsSpan().SequenceEqual(previous))
            {
                throw new InvenTreeRequestException(
                    $"InvenTree ignored offset for {await ApiPathAsync(pathAndQuery, cancellationToken)}: page {pages} repeated page {pages - 1}.");
            }
            if (pages == 1 && page.Results.Count > 0)
            {
                // The first page's length, not `limit`: a server may serve fewer per page than asked (DRF's max_limit).
                mostPages = (int)Math.Min(int.MaxValue, (long)Math.Ceiling(page.Count / (double)page.Results.Count) + 1);
            }
            if (pages > mostPages)
            {
                throw new InvenTreeRequestException(
                    $"InvenTree ignored offset for {await ApiPathAsync(pathAndQuery, cancellationToken)}: {pages} pages fetched, " +
                    $"but its count of {page.Count} fits in {mostPages - 1}.");
            }
            items.AddRange(page.Results);
            if (items.Count > MaxListItems)
            {
                throw new InvenTreeRequestException(
                    $"InvenTree listed more than {MaxListItems} items for {await ApiPathAsync(pathAndQuery, cancellationToken)}; reading stopped there.");
            }
            previous = results;
            offset += page.Results.Count;
            // Offsets rather than the `next` link: behind a proxy `next` can name an unreachable host.
            if (page.Results.Count == 0 || offset >= page.Count)
            {
                return items;
            }
        }
    }

    /// <summary>The request's path as the server sees it, e.g. <c>/api/part/?in_bom_for=113</c>, for messages.</summary>
    private async Task<string> ApiPathAsync(string relative, CancellationToken cancellationToken) =>
        new Uri((await connection.GetEndpointAsync(cancellationToken)).ApiBase, relative).PathAndQuery;

    private async Task<T> GetAsync<T>(string relative, CancellationToken cancellationToken)
    {
        var endpoint = await connection.GetEndpointAsync(cancellationToken);
        var uri = new Uri(endpoint.ApiBase, relative);
        var path = uri.PathAndQuery;
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(endpoint.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", endpoint.Token);
        }

        HttpResponseMessage response;
        try
        {
            // ResponseBufferingHandler has read the body inside the attempt (under its timeout and the size cap), so
            // HttpClient must not buffer it a second time.
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception ex) when (InvenTreeFailures.IsNoAnswer(ex, cancellationToken))
        {
            LogRequestFailed(path, endpoint.ApiBase.Authority, ex.Message);
            throw InvenTreeFailures.Unreachable(ex, endpoint, path, certificates);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                           ?? throw new InvenTreeRequestException($"InvenTree returned an empty body for {path}.");
                }
                catch (JsonException ex)
                {
                    throw new InvenTreeRequestException($"InvenTree returned malformed JSON for {path}: {ex.Message}");
                }
            }
            throw await InvenTreeFailures.FromResponseAsync(response, path, options.Value.MaxRetries, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "InvenTree request {Path} at {Server} failed: {Reason}")]
    private partial void LogRequestFailed(string path, string server, string reason);
}
