using System.Globalization;
using System.Text.Json;

namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>
/// Tolerant readers for a dumpdata <c>fields</c> object: a missing or null field gives the default,
/// decimals may be strings ("3.00000") or numbers, and a natural-key array is not a pk.
/// </summary>
internal readonly struct FixtureFields(JsonElement fields)
{
    public int? NullableInt(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var number) => number,
            JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    public int Int(string name, int fallback = 0) => NullableInt(name) ?? fallback;

    public decimal Decimal(string name, decimal fallback = 0) => NullableDecimal(name) ?? fallback;

    /// <summary>Null when the field is missing, null or not a number.</summary>
    public decimal? NullableDecimal(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }
        var parsed = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var number) => number,
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var text) => text,
            _ => (decimal?)null,
        };
        return parsed is { } d ? Normalize(d) : null;
    }

    public bool Bool(string name, bool fallback = false)
    {
        if (!TryGet(name, out var value))
        {
            return fallback;
        }
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => fallback,
        };
    }

    /// <summary>The text, null when the field is null, <paramref name="absent"/> when the record lacks the field.</summary>
    public string? NullableString(string name, string absent) =>
        fields.ValueKind == JsonValueKind.Object && fields.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : null
            : absent;

    public string? String(string name) =>
        TryGet(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Drops trailing zeros so "3.00000" is served as 3, like InvenTree's float fields.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    private bool TryGet(string name, out JsonElement value)
    {
        if (fields.ValueKind == JsonValueKind.Object && fields.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }
        value = default;
        return false;
    }
}
