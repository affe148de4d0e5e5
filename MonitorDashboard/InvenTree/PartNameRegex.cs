using System.Text;

namespace MonitorDashboard.InvenTree;

/// <summary>
/// Builds the anchored pattern for <c>name_regex</c>. Only the characters that are special in both
/// Python's <c>re</c> and PostgreSQL's regex dialect are escaped, so the pattern means the same on any
/// InvenTree database backend.
/// </summary>
public static class PartNameRegex
{
    private const string Special = @"\.^$|?*+()[]{}";

    public static string Exact(string name)
    {
        var sb = new StringBuilder(name.Length + 8).Append('^');
        foreach (var c in name)
        {
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }
            sb.Append(c);
        }
        return sb.Append('$').ToString();
    }
}
