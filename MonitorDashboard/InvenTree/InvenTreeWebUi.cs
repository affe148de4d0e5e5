namespace MonitorDashboard.InvenTree;

/// <summary>Which of InvenTree's web interfaces part links open (<c>InvenTree:WebUi</c>).</summary>
public enum InvenTreeWebUi
{
    /// <summary>Chosen from the server's API version (<see cref="InvenTreeWebUiRule"/>).</summary>
    Auto,

    /// <summary>The React "platform" UI: <c>&lt;base&gt;/web/part/&lt;pk&gt;/</c>.</summary>
    Platform,

    /// <summary>The classic Django-template UI of InvenTree 0.x: <c>&lt;base&gt;/part/&lt;pk&gt;/</c>.</summary>
    Classic,
}

/// <summary>The one home of the rule: which web UI an InvenTree server serves, and where a part's page is in it.</summary>
public static class InvenTreeWebUiRule
{
    /// <summary>
    /// From this API version on, part links open the platform UI. InvenTree 1.0.0 (2025-09-15) removed the classic UI
    /// ("The old templating based UI (CUI) is now removed", InvenTree's CHANGELOG.md); its part pages are
    /// <c>/web/part/&lt;pk&gt;</c> (<c>Part.get_absolute_url</c> → <c>pui_url</c>, <c>FRONTEND_URL_BASE = 'web'</c>).
    /// 1.0.0 reports at least API 385: InvenTree's api_version.py dates v385 2025-08-15, a month before the release.
    /// Every 0.x release (0.17.x and older, API below 300) still serves the classic pages, so older versions get
    /// classic links; a development build between the two may be either, which <c>InvenTree:WebUi</c> settles.
    /// </summary>
    public const int PlatformOnlySinceApiVersion = 385;

    /// <summary>
    /// The configured UI, or for <see cref="InvenTreeWebUi.Auto"/> the one the API version implies. An unknown version
    /// (no answer from the server yet) means the platform UI: current InvenTree serves nothing else, and 0.16 and 0.17
    /// serve it beside the classic one.
    /// </summary>
    public static InvenTreeWebUi Resolve(InvenTreeWebUi configured, int? apiVersion) => configured switch
    {
        InvenTreeWebUi.Auto when apiVersion is { } version && version < PlatformOnlySinceApiVersion => InvenTreeWebUi.Classic,
        InvenTreeWebUi.Auto => InvenTreeWebUi.Platform,
        _ => configured,
    };

    /// <summary>A part's page relative to the instance base (which ends in a slash).</summary>
    public static string PartPath(InvenTreeWebUi ui, int pk) => ui == InvenTreeWebUi.Classic ? $"part/{pk}/" : $"web/part/{pk}/";

    /// <summary>A purchase order's page relative to the instance base: the platform UI's <c>purchasing/purchase-order/&lt;pk&gt;</c> route, or the classic <c>order/purchase-order/&lt;pk&gt;/</c>.</summary>
    public static string PurchaseOrderPath(InvenTreeWebUi ui, int pk) =>
        ui == InvenTreeWebUi.Classic ? $"order/purchase-order/{pk}/" : $"web/purchasing/purchase-order/{pk}";
}
