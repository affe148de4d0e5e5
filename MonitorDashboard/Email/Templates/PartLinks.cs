using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Email.Templates;

/// <summary>
/// Links to parts (and drafted purchase orders) in InvenTree's web UI, for emails and the dashboard: <c>&lt;base&gt;/web/part/&lt;pk&gt;/</c> in the platform UI
/// of InvenTree 1.x, <c>&lt;base&gt;/part/&lt;pk&gt;/</c> in the classic UI of 0.x (which UI is <see cref="InvenTreeWebUiRule"/>'s
/// decision). The base is the instance URL, path prefix included (an InvenTree served under <c>/inventree/</c>). Only an
/// absolute http/https instance URL produces links; anything else (javascript:, ftp:, a relative path) produces none,
/// and user info in the URL is dropped so a password never lands in an email.
/// </summary>
public sealed class PartLinks
{
    private readonly string? _base;
    private readonly InvenTreeWebUi _ui;

    public PartLinks(string? instanceUrl, InvenTreeWebUi ui = InvenTreeWebUi.Platform)
    {
        _ui = InvenTreeWebUiRule.Resolve(ui, apiVersion: null);
        if (!string.IsNullOrWhiteSpace(instanceUrl)
            && Uri.TryCreate(instanceUrl.Trim(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(uri.Host))
        {
            var clean = new UriBuilder(uri) { UserName = "", Password = "", Query = "", Fragment = "" }.Uri;
            _base = clean.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
        }
    }

    /// <summary>The links the configuration and the server's API version (null: not known yet) call for.</summary>
    public static PartLinks From(InvenTreeOptions options, int? apiVersion) =>
        new(options.InstanceUrl, InvenTreeWebUiRule.Resolve(options.GetWebUi() ?? InvenTreeWebUi.Auto, apiVersion));

    public static PartLinks None { get; } = new(null);

    public bool Enabled => _base is not null;

    /// <summary>Which UI the links open.</summary>
    public InvenTreeWebUi Ui => _ui;

    /// <summary>The part's page, or "" when links are off (templates test <c>url != ""</c>).</summary>
    public string For(int pk) => _base is null ? "" : _base + InvenTreeWebUiRule.PartPath(_ui, pk);

    /// <summary>A purchase order's page (a drafted order), or "" when links are off.</summary>
    public string ForPurchaseOrder(int pk) => _base is null ? "" : _base + InvenTreeWebUiRule.PurchaseOrderPath(_ui, pk);
}
