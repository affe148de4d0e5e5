using System.Globalization;

namespace MonitorDashboard.Settings;

/// <summary>
/// Reads the Python tool's flat variables (<c>EMAIL_SMTP_PORT</c>, <c>EMAIL_USE_TLS</c>...) as it accepted
/// them. A value that cannot be read is recorded against its key, so start-up validation can report every
/// problem at once instead of failing on the first.
/// </summary>
public sealed class PythonToolVariables(IConfiguration configuration)
{
    private static readonly string[] TrueWords = ["true", "1", "yes", "on"];
    private static readonly string[] FalseWords = ["false", "0", "no", "off"];

    public List<string> Problems { get; } = [];

    public string? String(string key) => configuration[key] is { Length: > 0 } value ? value.Trim() : null;

    public bool? Bool(string key)
    {
        var value = String(key);
        if (value is null)
        {
            return null;
        }
        if (TrueWords.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }
        if (FalseWords.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }
        Problems.Add($"{key}: \"{value}\" is not true or false");
        return null;
    }

    public int? Port(string key)
    {
        var value = String(key);
        if (value is null)
        {
            return null;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535)
        {
            return port;
        }
        Problems.Add($"{key}: \"{value}\" is not a port number (1–65535)");
        return null;
    }

    /// <summary>A comma-separated list, as the Python tool wrote <c>ADMIN_EMAIL_RECIPIENTS</c>.</summary>
    public IReadOnlyList<string>? List(string key) =>
        String(key)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
