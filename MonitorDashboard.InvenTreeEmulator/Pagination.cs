using System.Text.Json;
using Microsoft.AspNetCore.Http.Extensions;

namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>
/// DRF's LimitOffsetPagination: with <c>limit</c> a page <c>{count, next, previous, results}</c> whose links are
/// absolute and keep the other query parameters; without it a plain array of everything.
/// </summary>
internal sealed record Pagination(int? Limit, int Offset)
{
    /// <summary>
    /// Reads limit/offset as DRF does: a limit that is not a positive integer ("abc", 0, -1) is no limit at all, so
    /// the whole list comes back as a plain array; an offset that is not a non-negative integer is 0. Neither is an
    /// error (the recorded InvenTree 1.4 answers <c>?limit=abc</c> with 200 and every part).
    /// </summary>
    public static Pagination Read(IQueryCollection query) =>
        new(PositiveInteger(query, "limit", minimum: 1), PositiveInteger(query, "offset", minimum: 0) ?? 0);

    private static int? PositiveInteger(IQueryCollection query, string name, int minimum) =>
        query.TryGetValue(name, out var values)
        && int.TryParse(values.LastOrDefault(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
        && number >= minimum
            ? number
            : null;

    public Task WriteAsync<T>(HttpContext context, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> writeItem) =>
        JsonResponse.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            if (Limit is not { } limit)
            {
                WriteArray(w, items, writeItem);
                return;
            }
            w.WriteStartObject();
            w.WriteNumber("count", items.Count);
            // long: an absurd offset must not overflow into a bogus "next" link.
            w.WriteString("next", (long)Offset + limit < items.Count ? Link(context.Request, limit, Offset + limit) : null);
            w.WriteString("previous", Offset <= 0 ? null : Link(context.Request, limit, Offset <= limit ? null : Offset - limit));
            w.WritePropertyName("results");
            WriteArray(w, items.Skip(Offset).Take(limit).ToList(), writeItem);
            w.WriteEndObject();
        });

    private static void WriteArray<T>(Utf8JsonWriter w, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        w.WriteStartArray();
        foreach (var item in items)
        {
            writeItem(w, item);
        }
        w.WriteEndArray();
    }

    /// <summary>The request's own URL with limit and offset replaced (offset dropped when null, as DRF does).</summary>
    private static string Link(HttpRequest request, int limit, int? offset)
    {
        var query = new QueryBuilder();
        foreach (var (key, values) in request.Query)
        {
            if (key is not ("limit" or "offset"))
            {
                query.Add(key, (IEnumerable<string>)values!);
            }
        }
        query.Add("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (offset is { } o)
        {
            query.Add("offset", o.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, query.ToQueryString());
    }
}
