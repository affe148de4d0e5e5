using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using MonitorDashboard.Calculation;
using MonitorDashboard.Email;

namespace MonitorDashboard.Monitoring.History;

/// <summary>
/// The heavy part of a run (result, email, delivery) as gzip-compressed JSON. GZip rather than Brotli: the
/// payloads are small, the size difference is a few percent, and a gzip blob opens with any tool
/// (<c>sqlite3 ... "select writefile('p.gz', payload) ..."</c>, Python's gzip) when someone inspects the file.
/// The fastest level: most of a payload is the report's HTML, which compresses well at any level, and at 07:00 a
/// thousand payloads are packed within half a minute.
/// </summary>
internal static class RunPayload
{
    /// <summary>Bumped when the JSON shape changes incompatibly; readers see it in <c>format</c>.</summary>
    private const int Format = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Computed members (DeliveryResult.Accepted) are derived on read; storing them would only add noise.
        IgnoreReadOnlyProperties = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    private sealed record Envelope(int Format, CalculationResult? Result, EmailMessage? Email, DeliveryResult? Delivery);

    /// <summary>The compressed payload, or null when the run carries none (a missed run, a failure before calculation).</summary>
    public static byte[]? Pack(CalculationResult? result, EmailMessage? email, DeliveryResult? delivery)
    {
        if (result is null && email is null && delivery is null)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, new Envelope(Format, result, email, delivery), Json);
        }
        return buffer.ToArray();
    }

    public static RunRecord Unpack(RunSummary summary, byte[]? payload)
    {
        if (payload is null)
        {
            return new RunRecord(summary, null, null, null);
        }
        var envelope = Read(payload) ?? throw new InvalidDataException($"Run {summary.RunId} has an empty payload");
        if (envelope.Format > Format)
        {
            throw new InvalidDataException($"Run {summary.RunId} was stored in payload format {envelope.Format}; this MonitorDashboard reads up to {Format}");
        }
        return new RunRecord(summary, envelope.Result, envelope.Email, envelope.Delivery);
    }

    /// <summary>The result and email of details this process packed (<see cref="RunDetails.Pack"/>).</summary>
    public static RunDetails.Unpacked UnpackObjects(byte[] payload) =>
        Read(payload) is { } envelope
            ? new RunDetails.Unpacked(envelope.Result, envelope.Email)
            : throw new InvalidDataException("A packed run has an empty payload");

    private static Envelope? Read(byte[] payload)
    {
        using var gzip = new GZipStream(new MemoryStream(payload), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<Envelope>(gzip, Json);
    }
}
