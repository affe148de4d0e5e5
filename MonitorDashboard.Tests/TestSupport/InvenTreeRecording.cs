using System.Text.Json;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>One recorded exchange with the real server: the request as sent and the answer as received.</summary>
/// <param name="Auth">How the request authenticated: <see cref="InvenTreeRecording.ValidToken"/>, <see cref="InvenTreeRecording.WrongToken"/> or <see cref="InvenTreeRecording.NoToken"/>.</param>
/// <param name="Request">The body sent with a POST, if any.</param>
public sealed record RecordedExchange(string Method, string Path, string Auth, int Status, JsonElement Body, string Note, JsonElement? Request)
{
    public bool MadeByClient => Note == InvenTreeRecording.MadeByClientNote;

    public bool IsGet => Method == "GET";

    /// <summary>Method and path with the query in a fixed order, so equal requests compare equal however they were spelled.</summary>
    public string Key => RequestKey.Of(Method, Path);

    public override string ToString() => $"{Method} {Path} ({Auth})";
}

/// <summary>
/// <c>../shared/inventree-recordings/inventree-1.4-api511.json</c>: a real InvenTree 1.4 server's answers on the demo
/// dataset (its README says how it was made). Every record is read, the purchase-order drafting (OPTIONS, POST and
/// what was read back afterwards) included, even where today's tests do not use it.
/// </summary>
public sealed class InvenTreeRecording
{
    public const string MadeByClientNote = "made by the client";
    public const string ValidToken = "valid token";
    public const string WrongToken = "wrong token";
    public const string NoToken = "none";

    private InvenTreeRecording(string serverVersion, int apiVersion, IReadOnlyList<RecordedExchange> records)
    {
        ServerVersion = serverVersion;
        ApiVersion = apiVersion;
        Records = records;
    }

    public string ServerVersion { get; }

    public int ApiVersion { get; }

    public IReadOnlyList<RecordedExchange> Records { get; }

    /// <summary>
    /// The GET requests answered while the server still held the demo dataset as imported: every record before the
    /// first one that changed it (the purchase-order drafting; what was read back after it shows the changed state).
    /// </summary>
    public IReadOnlyList<RecordedExchange> DatasetReads =>
        [.. Records.TakeWhile(r => r.Method is "GET" or "OPTIONS" or "HEAD").Where(r => r.IsGet)];

    /// <summary>Loads the recording; skips the calling test when it (or the dataset it was made with) is absent.</summary>
    public static InvenTreeRecording Load()
    {
        using var stream = File.OpenRead(TestPaths.RequireInvenTreeRecording());
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var server = root.GetProperty("server");
        var records = root.GetProperty("records").EnumerateArray().Select(r => new RecordedExchange(
            r.GetProperty("method").GetString()!,
            r.GetProperty("path").GetString()!,
            r.GetProperty("auth").GetString()!,
            r.GetProperty("status").GetInt32(),
            r.GetProperty("body").Clone(),
            r.TryGetProperty("note", out var note) ? note.GetString() ?? "" : "",
            r.TryGetProperty("request", out var request) ? request.Clone() : null)).ToList();
        return new InvenTreeRecording(server.GetProperty("version").GetString()!, server.GetProperty("apiVersion").GetInt32(), records);
    }
}

/// <summary>A request named by method, path and query, the query's parameters decoded and sorted.</summary>
public static class RequestKey
{
    public static string Of(string method, string pathAndQuery)
    {
        var question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return $"{method} {pathAndQuery}";
        }
        var parameters = pathAndQuery[(question + 1)..]
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => (Key: Decode(kv[0]), Value: kv.Length > 1 ? Decode(kv[1]) : ""))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ThenBy(kv => kv.Value, StringComparer.Ordinal)
            .Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}");
        return $"{method} {pathAndQuery[..question]}?{string.Join('&', parameters)}";
    }

    /// <summary>The decoded value of one query parameter, null when it is absent.</summary>
    public static string? QueryValue(string pathAndQuery, string name)
    {
        var question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return question < 0
            ? null
            : pathAndQuery[(question + 1)..].Split('&').Select(pair => pair.Split('=', 2))
                .Where(kv => Decode(kv[0]) == name).Select(kv => kv.Length > 1 ? Decode(kv[1]) : "").LastOrDefault();
    }

    // A query's '+' is a space (Python's urlencode writes spaces so).
    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
