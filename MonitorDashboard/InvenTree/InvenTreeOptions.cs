namespace MonitorDashboard.InvenTree;

/// <summary>
/// Where InvenTree is and how hard we may lean on it. Bound from the <c>InvenTree</c> section; the Python
/// tool's variables (<c>INVENTREE_URL</c>, <c>INVENTREE_API_TOKEN</c>, <c>INVENTREE_INSTANCE_URL</c>) win.
/// </summary>
public sealed class InvenTreeOptions
{
    public const string SectionName = "InvenTree";

    /// <summary>API base, with or without <c>/api/</c>. Empty means demo mode (the embedded emulator).</summary>
    public string? Url { get; set; }

    public string? ApiToken { get; set; }

    /// <summary>Base for links to parts in emails and the dashboard; unset, no part links are made (the API's host may not serve the web UI).</summary>
    public string? InstanceUrl { get; set; }

    /// <summary>
    /// Which web UI part links open: <c>auto</c> (from the server's API version, see <see cref="InvenTreeWebUiRule"/>),
    /// <c>platform</c> (<c>/web/part/&lt;pk&gt;/</c>, InvenTree 1.x) or <c>classic</c> (<c>/part/&lt;pk&gt;/</c>, 0.x).
    /// </summary>
    public string WebUi { get; set; } = "auto";

    /// <summary>The parsed <see cref="WebUi"/>; null when it names no UI (the validator reports that).</summary>
    public InvenTreeWebUi? GetWebUi() => WebUi?.Trim().ToLowerInvariant() switch
    {
        "auto" or "" or null => InvenTreeWebUi.Auto,
        "platform" => InvenTreeWebUi.Platform,
        "classic" => InvenTreeWebUi.Classic,
        _ => null,
    };

    /// <summary>Requests in flight at once while a BOM level is fetched.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Page size sent as <c>limit</c>; every page is followed.</summary>
    public int PageSize { get; set; } = 250;

    /// <summary>The largest accepted answer: 32 MiB by default, at most 1 GiB (answers are read into memory).</summary>
    public const long MaxResponseBytesLimit = 1L << 30;

    /// <summary>
    /// Timeout of one HTTP attempt, covering the whole response (headers and body): a server that sends its headers
    /// and then stalls is given up on and retried like one that never answers.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The largest answer accepted, in bytes (the Content-Length, or the bytes counted while reading when there is
    /// none). A larger one is refused at once, without a retry, rather than read into memory.
    /// </summary>
    public long MaxResponseBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Retries after the first attempt on 5xx, 408, 429, timeouts and connection failures.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; it doubles with each retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A PEM file of the private CA that signs InvenTree's HTTPS certificate; only that CA is trusted then. Unset: the
    /// operating system's trust store.
    /// </summary>
    public string? CaCertificateFile { get; set; }

    public bool IsDemo => string.IsNullOrWhiteSpace(Url);

    /// <summary>The API root, always ending in <c>/api/</c> (a method: validators read every property).</summary>
    public Uri GetApiBaseAddress() => NormaliseApiBase(Url ?? throw new InvalidOperationException("InvenTree URL is not configured."));

    public static Uri NormaliseApiBase(string url)
    {
        var trimmed = url.Trim().TrimEnd('/');
        if (!trimmed.EndsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            trimmed += "/api";
        }
        return new Uri(trimmed + "/", UriKind.Absolute);
    }
}
