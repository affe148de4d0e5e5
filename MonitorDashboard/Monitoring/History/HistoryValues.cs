using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace MonitorDashboard.Monitoring.History;

/// <summary>
/// How values are written to the database columns. Times are fixed-width ISO 8601 UTC text with 100 ns digits:
/// they sort as text in time order (so indexes and ORDER BY work on them), lose nothing from a DateTimeOffset,
/// and read plainly in the sqlite3 shell. Enums are snake_case names so a query reads "email_failed", not 3.
/// </summary>
internal static class HistoryValues
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static object ToDb(DateTimeOffset? time) => time is { } t ? ToText(t) : DBNull.Value;

    public static object ToDb(string? text) => text is null ? DBNull.Value : text;

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string ToText<T>(T value) where T : struct, Enum => EnumNames<T>.ToName[value];

    public static T ParseEnum<T>(string text) where T : struct, Enum =>
        EnumNames<T>.FromName.TryGetValue(text, out var value)
            ? value
            : throw new InvalidDataException($"Run history holds an unknown {typeof(T).Name} \"{text}\"");

    private static class EnumNames<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ToName =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<string, T> FromName =
            ToName.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
