using System.Globalization;
using System.Text.Json;

namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>
/// A JSON request body read like a DRF serializer: each field by its rules, every problem collected as a field error
/// with DRF's wording (the recorded 400 for an unknown supplier part: <c>{"part": ["Invalid pk \"999999\" - object does
/// not exist."]}</c>), so one 400 names every bad field. Fields not asked for are ignored, as DRF ignores them.
/// </summary>
internal sealed class RequestBody
{
    public const string Required = "This field is required.";

    private readonly JsonElement _root;
    private readonly Dictionary<string, List<string>> _errors = [];

    private RequestBody(JsonElement root) => _root = root;

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyDictionary<string, List<string>> Errors => _errors;

    /// <summary>The body, or null after answering 400 as DRF does for a body that is not a JSON object.</summary>
    public static async Task<RequestBody?> ReadAsync(HttpContext context)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return new RequestBody(document.RootElement.Clone());
            }
            await JsonResponse.FieldErrorsAsync(context, new Dictionary<string, List<string>>
            {
                ["non_field_errors"] = ["Invalid data. Expected a dictionary, but got list."],
            });
        }
        catch (JsonException ex)
        {
            await JsonResponse.DetailAsync(context, StatusCodes.Status400BadRequest, "JSON parse error - " + ex.Message);
        }
        return null;
    }

    /// <summary>A PrimaryKeyRelatedField: a pk (number or numeric string) of an object that exists.</summary>
    public int? Pk(string name, Func<int, bool> exists, bool required = true)
    {
        if (!_root.TryGetProperty(name, out var value))
        {
            if (required)
            {
                AddError(name, Required);
            }
            return null;
        }
        int pk;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetInt32(out pk):
            case JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out pk):
                break;
            case JsonValueKind.Null:
                AddError(name, "This field may not be null.");
                return null;
            default:
                AddError(name, $"Incorrect type. Expected pk value, received {PythonType(value)}.");
                return null;
        }
        if (!exists(pk))
        {
            AddError(name, $"Invalid pk \"{pk}\" - object does not exist.");
            return null;
        }
        return pk;
    }

    /// <summary>A FloatField with a default (InvenTree's line quantity: 1 when left out) and a lower bound.</summary>
    public decimal Number(string name, decimal fallback, decimal minimum)
    {
        if (!_root.TryGetProperty(name, out var value))
        {
            return fallback;
        }
        decimal number;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetDecimal(out number):
            case JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number):
                break;
            default:
                AddError(name, "A valid number is required.");
                return fallback;
        }
        if (number < minimum)
        {
            AddError(name, $"Ensure this value is greater than or equal to {minimum.ToString(CultureInfo.InvariantCulture)}.");
        }
        return FixtureFields.Normalize(number);
    }

    /// <summary>A CharField that may be blank; null in the body counts as blank.</summary>
    public string Text(string name, int maxLength = 250)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return "";
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            AddError(name, "Not a valid string.");
            return "";
        }
        var text = value.GetString()!;
        if (text.Length > maxLength)
        {
            AddError(name, $"Ensure this field has no more than {maxLength} characters.");
        }
        return text.Trim();
    }

    /// <summary>A DateField: yyyy-mm-dd, or null/absent.</summary>
    public string? Date(string name)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        AddError(name, "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.");
        return null;
    }

    /// <summary>A BooleanField with a default.</summary>
    public bool Boolean(string name, bool fallback)
    {
        if (!_root.TryGetProperty(name, out var value))
        {
            return fallback;
        }
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                AddError(name, "Must be a valid boolean.");
                return fallback;
        }
    }

    public void AddError(string name, string message) =>
        (_errors.TryGetValue(name, out var list) ? list : _errors[name] = []).Add(message);

    private static string PythonType(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "str",
        JsonValueKind.Number => "float",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "list",
        _ => "dict",
    };
}
