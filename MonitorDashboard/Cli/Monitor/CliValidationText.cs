using MonitorDashboard.Presets;

namespace MonitorDashboard.Cli.Monitor;

/// <summary>
/// Turns the validator's field-level messages (<c>cron_schedule "…" runs every 2 minutes…</c>) into ones that
/// name the option the user typed (<c>--schedule "…" runs every 2 minutes…</c>), so the message says what to fix.
/// </summary>
internal static class CliValidationText
{
    public static string OptionFor(string field) => field switch
    {
        "cron_schedule" => "--schedule",
        "notify_condition" => "--notify-condition",
        "name" or "parts" or "recipients" or "timezone" => "--" + field,
        _ => field, // "id" has no option: it is generated
    };

    public static string Describe(ValidationError error)
    {
        var option = OptionFor(error.Field);
        if (option == error.Field)
        {
            return error.Detail;
        }
        var startsWithField = error.Detail.StartsWith(error.Field, StringComparison.Ordinal)
            && error.Detail.Length > error.Field.Length
            && error.Detail[error.Field.Length] is ' ' or '[';
        return startsWithField ? option + error.Detail[error.Field.Length..] : $"{option}: {error.Detail}";
    }

    /// <summary>Several problems on the one error line the CLI promises.</summary>
    public static string Join(IEnumerable<string> messages) => string.Join("; ", messages.Distinct(StringComparer.Ordinal));
}
