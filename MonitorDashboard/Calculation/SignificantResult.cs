using System.Security.Cryptography;
using System.Text.Json;

namespace MonitorDashboard.Calculation;

/// <summary>
/// The part of a result that decides <c>on_change</c> (product.md §5): what to order and build (quantity &gt; 0),
/// critical parts with their available and minimum stock, and the parts not found. Canonical form: sorted by
/// part id, quantities rounded to 3 decimals, nothing volatile; the hash is SHA-256 of that JSON, lower-case hex.
/// </summary>
public static class SignificantResult
{
    public static string CanonicalJson(CalculationResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WritePairs(json, "to_order", result.PartsToOrder.Select(o => (o.Pk, Round(o.ToOrder))));
            WritePairs(json, "to_build", result.SubassembliesToBuild.Select(b => (b.Pk, Round(b.ToBuild))));

            json.WriteStartArray("critical");
            foreach (var c in result.Critical.OrderBy(c => c.Pk))
            {
                json.WriteStartArray();
                json.WriteNumberValue(c.Pk);
                json.WriteNumberValue(Round(c.Available));
                json.WriteNumberValue(Round(c.MinimumStock));
                json.WriteEndArray();
            }
            json.WriteEndArray();

            json.WriteStartArray("not_found");
            foreach (var n in result.NotFound
                         .OrderBy(n => n.Name, StringComparer.Ordinal)
                         .ThenBy(n => n.Revision, StringComparer.Ordinal)
                         .ThenBy(n => n.Matches))
            {
                json.WriteStartArray();
                json.WriteStringValue(n.Name);
                json.WriteStringValue(n.Revision ?? "");
                json.WriteNumberValue(n.Matches);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Hash(CalculationResult result) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(CanonicalJson(result))));

    private static void WritePairs(Utf8JsonWriter json, string name, IEnumerable<(int Pk, decimal Quantity)> rows)
    {
        json.WriteStartArray(name);
        foreach (var (pk, quantity) in rows.Where(r => r.Quantity > 0).OrderBy(r => r.Pk))
        {
            json.WriteStartArray();
            json.WriteNumberValue(pk);
            json.WriteNumberValue(quantity);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    /// <summary>3 decimals, then the scale dropped, so 52.2 and 52.20000 hash alike.</summary>
    private static decimal Round(decimal value) => Numbers.Normalise(Math.Round(value, 3, MidpointRounding.AwayFromZero));
}
