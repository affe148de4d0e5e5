using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>Writes JSON bodies the way DRF does: buffered, with a Content-Length.</summary>
internal static class JsonResponse
{
    /// <summary>For the records of CatalogJson.cs: a null member (e.g. BOM substitutes not requested) is left out.</summary>
    public static readonly JsonSerializerOptions DtoOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    public static Task DetailAsync(HttpContext context, int status, string detail) =>
        WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("detail", detail);
            w.WriteEndObject();
        });

    /// <summary>DRF's validation error shape: <c>{"field": ["message", ...]}</c>.</summary>
    public static Task FieldErrorsAsync(HttpContext context, IReadOnlyDictionary<string, List<string>> errors) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, w =>
        {
            w.WriteStartObject();
            foreach (var (field, messages) in errors)
            {
                w.WriteStartArray(field);
                messages.ForEach(w.WriteStringValue);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        });

    public static void WriteDto<T>(Utf8JsonWriter writer, T value) => JsonSerializer.Serialize(writer, value, DtoOptions);
}
