using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.Timeout;

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

    /// <summary>
    /// Always sends <c>limit</c> (without it InvenTree returns everything at once) and walks the offsets. A server (or
    /// proxy) that ignores <c>offset</c> serves the first page again and again: that is noticed and reported rather
    /// than paged for ever.
    /// </summary>
    private async Task<IReadOnlyList<T>> GetAllPagesAsync<T>(string pathAndQuery, CancellationToken cancellationToken)
    {
        var pageSize = options.Value.PageSize;
        var separator = pathAndQuery.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var items = new List<T>();
        byte[]? previous = null;
        var mostPages = int.MaxValue;
        for (int offset = 0, pages = 1; ; pages++)
        {
            var page = await GetAsync<InvenTreePage<T>>($"{pathAndQuery}{separator}limit={pageSize}&offset={offset}", cancellationToken);
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
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or TaskCanceledException
                                   && !cancellationToken.IsCancellationRequested)
        {
            LogRequestFailed(path, endpoint.ApiBase.Authority, ex.Message);
            var server = endpoint.ApiBase.GetLeftPart(UriPartial.Authority);
            throw new InvenTreeUnreachableException(
                ex is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } && certificates.LastRejection is { } why
                    ? $"InvenTree at {server} is not trusted: {why}."
                    : $"InvenTree at {server} is unreachable ({Describe(ex)}) for {path}.", ex);
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
            var detail = await ReadDetailAsync(response, cancellationToken);
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => new InvenTreeUnauthorizedException(
                    $"InvenTree refused the API token (401) for {path}{detail}. Check INVENTREE_API_TOKEN."),
                HttpStatusCode.Forbidden => new InvenTreeUnauthorizedException(
                    $"The API token lacks permission (403) for {path}{detail}."),
                HttpStatusCode.NotFound => new InvenTreeNotFoundException($"InvenTree has no {path} (404){detail}."),
                >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests =>
                    new InvenTreeUnreachableException(
                        $"InvenTree kept failing for {path}: HTTP {(int)response.StatusCode} after {options.Value.MaxRetries} retries{detail}."),
                _ => new InvenTreeRequestException($"InvenTree rejected {path}: HTTP {(int)response.StatusCode}{detail}.", (int)response.StatusCode),
            };
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        TimeoutRejectedException or TaskCanceledException => "timed out",
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "connection failed",
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "host name not found",
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "connection dropped",
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => "TLS handshake failed",
        _ => ex.GetType().Name,
    };

    /// <summary>InvenTree's error body (<c>{"detail": ...}</c> or field errors), shortened, for the message.</summary>
    private static async Task<string> ReadDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(body))
            {
                return "";
            }
            using var doc = JsonDocument.Parse(body);
            var text = doc.RootElement.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String
                ? d.GetString()
                : doc.RootElement.GetRawText();
            // The callers end the sentence; DRF's details end theirs too ("Not found.").
            text = text?.TrimEnd().TrimEnd('.');
            return string.IsNullOrEmpty(text) ? "" : ": " + (text.Length > 200 ? text[..200] + "…" : text);
        }
        catch (JsonException)
        {
            return "";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "InvenTree request {Path} at {Server} failed: {Reason}")]
    private partial void LogRequestFailed(string path, string server, string reason);
}
