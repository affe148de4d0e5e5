namespace MonitorDashboard.Security;

/// <summary>Where to go after signing in: a path on this site, never another site (no open redirect).</summary>
public static class ReturnUrls
{
    /// <summary>The rules of <c>IUrlHelper.IsLocalUrl</c>: "/path" yes; "//host", "/\host", "https://…" and "~//…" no.</summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(char.IsControl))
        {
            return false;
        }
        if (url[0] == '/')
        {
            return url.Length == 1 || (url[1] != '/' && url[1] != '\\');
        }
        return url.Length > 1 && url[0] == '~' && url[1] == '/' && (url.Length == 2 || (url[2] != '/' && url[2] != '\\'));
    }

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
