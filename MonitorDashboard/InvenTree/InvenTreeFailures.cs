using System.Net;
using System.Text.Json;
using Polly.Timeout;

namespace MonitorDashboard.InvenTree;

/// <summary>
/// The one place that turns a failed exchange with InvenTree into the exception a user reads: it names the server,
/// the request (method and path for writes) and InvenTree's own reason, never the token. Used by the reading client
/// and the purchase-order writer alike.
/// </summary>
internal static class InvenTreeFailures
{
    /// <summary>True for the failures that mean "no usable answer" (connection, timeout) rather than the caller giving up.</summary>
    public static bool IsNoAnswer(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or TimeoutRejectedException || ex is TaskCanceledException && !cancellationToken.IsCancellationRequested;

    /// <param name="request">What was asked, as shown: <c>/api/part/?…</c> for a read, <c>POST /api/order/po/</c> for a write.</param>
    /// <param name="afterwards">Appended to the sentence, e.g. what a timed-out write means for the user.</param>
    public static InvenTreeUnreachableException Unreachable(
        Exception ex, InvenTreeEndpoint endpoint, string request, InvenTreeCertificateTrust certificates, string afterwards = "")
    {
        var server = endpoint.ApiBase.GetLeftPart(UriPartial.Authority);
        return new InvenTreeUnreachableException(
            ex is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } && certificates.LastRejection is { } why
                ? $"InvenTree at {server} is not trusted: {why}."
                : $"InvenTree at {server} is unreachable ({Describe(ex)}) for {request}.{afterwards}", ex);
    }

    /// <param name="retries">How many retries preceded a 5xx (0 for writes, which are never retried).</param>
    public static async Task<InvenTreeException> FromResponseAsync(
        HttpResponseMessage response, string request, int retries, CancellationToken cancellationToken)
    {
        var detail = await ReadDetailAsync(response, cancellationToken);
        var after = retries > 0 ? $" after {retries} retries" : "";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new InvenTreeUnauthorizedException(
                $"InvenTree refused the API token (401) for {request}{detail}. Check INVENTREE_API_TOKEN."),
            HttpStatusCode.Forbidden => new InvenTreeUnauthorizedException(
                $"The API token lacks permission (403) for {request}{detail}."),
            HttpStatusCode.NotFound => new InvenTreeNotFoundException($"InvenTree has no {request} (404){detail}."),
            >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests =>
                new InvenTreeUnreachableException(
                    $"InvenTree kept failing for {request}: HTTP {(int)response.StatusCode}{after}{detail}."),
            _ => new InvenTreeRequestException($"InvenTree rejected {request}: HTTP {(int)response.StatusCode}{detail}.", (int)response.StatusCode),
        };
    }

    public static string Describe(Exception ex) => ex switch
    {
        TimeoutRejectedException or TaskCanceledException => "timed out",
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "connection failed",
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "host name not found",
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "connection dropped",
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => "TLS handshake failed",
        _ => ex.GetType().Name,
    };

    /// <summary>
    /// InvenTree's reason, shortened, for the message: <c>{"detail": ...}</c> as it is, DRF's field errors as
    /// "field: message" (<c>{"part": ["Invalid pk \"9\" - object does not exist."]}</c> → <c>part: Invalid pk "9" - object does not exist</c>).
    /// </summary>
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
            var root = doc.RootElement;
            var text = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String
                ? d.GetString()
                : FieldErrors(root) ?? root.GetRawText();
            // The callers end the sentence; DRF's details end theirs too ("Not found.").
            text = text?.TrimEnd().TrimEnd('.');
            return string.IsNullOrEmpty(text) ? "" : ": " + (text.Length > 300 ? text[..300] + "…" : text);
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static string? FieldErrors(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var fields = new List<string>();
        foreach (var field in root.EnumerateObject())
        {
            var messages = field.Value.ValueKind == JsonValueKind.Array
                ? field.Value.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.String ? m.GetString() : m.GetRawText())
                : [field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString() : field.Value.GetRawText()];
            fields.Add($"{field.Name}: {string.Join(" ", messages.Select(m => m?.TrimEnd().TrimEnd('.')))}");
        }
        return fields.Count > 0 ? string.Join("; ", fields) : null;
    }
}
