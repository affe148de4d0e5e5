namespace MonitorDashboard.Email.Templates;

/// <summary>
/// Links to parts in InvenTree's web UI. The path is <c>/web/part/&lt;pk&gt;/</c>: the React UI InvenTree has served
/// under <c>/web/</c> since 0.16 and exclusively since 1.0, where the classic <c>/part/&lt;pk&gt;/</c> pages are gone and
/// unknown paths redirect to the start page instead of the part. Only an absolute http/https instance URL produces
/// links; anything else (javascript:, ftp:, a relative path) produces none, and user info in the URL is dropped so
/// a password never lands in an email.
/// </summary>
public sealed class PartLinks
{
    private readonly string? _base;

    public PartLinks(string? instanceUrl)
    {
        if (!string.IsNullOrWhiteSpace(instanceUrl)
            && Uri.TryCreate(instanceUrl.Trim(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(uri.Host))
        {
            var clean = new UriBuilder(uri) { UserName = "", Password = "", Query = "", Fragment = "" }.Uri;
            _base = clean.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }
    }

    public static PartLinks None { get; } = new(null);

    public bool Enabled => _base is not null;

    /// <summary>The part's page, or "" when links are off (templates test <c>url != ""</c>).</summary>
    public string For(int pk) => _base is null ? "" : $"{_base}/web/part/{pk}/";
}
