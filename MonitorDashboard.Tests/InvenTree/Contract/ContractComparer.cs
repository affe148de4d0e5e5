using System.Collections;
using System.Text.Json;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTree.Contract;

/// <summary>
/// Compares our answer to a recorded one the way our client sees them: the status, the envelope (a page's
/// <c>count</c>, whether <c>next</c>/<c>previous</c> are there, which results in which order; or a plain object or
/// array) and, for each result, the <see cref="ContractFields"/> as the client parses them (3.0 equals "3.00000").
/// Every difference becomes one line; nothing stops at the first.
/// </summary>
public static class ContractComparer
{
    private const int ShownPks = 12;

    public static IReadOnlyList<string> Compare(RecordedExchange recorded, int ourStatus, JsonElement ours)
    {
        var differences = new List<string>();
        void Add(string where, string what) => differences.Add($"{recorded}: {where}: {what}");

        if (recorded.Status != ourStatus)
        {
            Add("status", $"recorded {recorded.Status}, ours {ourStatus}");
            return differences;
        }
        var expected = recorded.Body;
        if (recorded.Status is < 200 or > 299)
        {
            // Error bodies are read only for the message shown to the user ("detail", else the field errors).
            if (!JsonElement.DeepEquals(expected, ours))
            {
                Add("error body", $"recorded {expected.GetRawText()}, ours {ours.GetRawText()}");
            }
            return differences;
        }

        var (recordedShape, ourShape) = (ShapeOf(expected), ShapeOf(ours));
        if (recordedShape != ourShape)
        {
            Add("envelope", $"recorded {recordedShape}, ours {ourShape}");
            return differences;
        }
        var model = ContractFields.ModelOf(recorded.Path);
        switch (recordedShape)
        {
            case Shape.Page:
                if (expected.GetProperty("count").GetInt32() != ours.GetProperty("count").GetInt32())
                {
                    Add("count", $"recorded {expected.GetProperty("count")}, ours {ours.GetProperty("count")}");
                }
                foreach (var link in new[] { "next", "previous" })
                {
                    var (was, are) = (HasLink(expected, link), HasLink(ours, link));
                    if (was != are)
                    {
                        Add(link, $"recorded {(was ? "a link" : "null")}, ours {(are ? "a link" : "null")}");
                    }
                }
                CompareResults(expected.GetProperty("results"), ours.GetProperty("results"), model, Add);
                break;
            case Shape.Array:
                CompareResults(expected, ours, model, Add);
                break;
            case Shape.Object when model is not null:
                CompareItem("", expected, ours, model, Add);
                break;
        }
        return differences;
    }

    private enum Shape
    {
        Page,
        Array,
        Object,
        Other,
    }

    private static Shape ShapeOf(JsonElement body) => body.ValueKind switch
    {
        JsonValueKind.Array => Shape.Array,
        JsonValueKind.Object when body.TryGetProperty("results", out var r) && r.ValueKind == JsonValueKind.Array
                                  && body.TryGetProperty("count", out _) => Shape.Page,
        JsonValueKind.Object => Shape.Object,
        _ => Shape.Other,
    };

    private static bool HasLink(JsonElement page, string name) =>
        page.TryGetProperty(name, out var link) && link.ValueKind == JsonValueKind.String;

    private static void CompareResults(JsonElement expected, JsonElement ours, Type? model, Action<string, string> add)
    {
        var expectedItems = expected.EnumerateArray().ToList();
        var ourItems = ours.EnumerateArray().ToList();
        var expectedPks = expectedItems.Select(PkOf).ToList();
        var ourPks = ourItems.Select(PkOf).ToList();
        if (!expectedPks.SequenceEqual(ourPks))
        {
            add("results", $"recorded pks {Shown(expectedPks)}, ours {Shown(ourPks)}" + DescribeSetDifference(expectedPks, ourPks));
        }
        if (model is null)
        {
            return;
        }
        var ourByPk = ourItems.Where(i => PkOf(i) is not null).ToDictionary(i => PkOf(i)!.Value);
        foreach (var item in expectedItems)
        {
            if (PkOf(item) is { } pk && ourByPk.TryGetValue(pk, out var ourItem))
            {
                CompareItem($"results[pk={pk}].", item, ourItem, model, add);
            }
        }
    }

    private static string DescribeSetDifference(List<int?> expected, List<int?> ours)
    {
        var missing = expected.Except(ours).ToList();
        var extra = ours.Except(expected).ToList();
        return (missing.Count, extra.Count) switch
        {
            (0, 0) => " (same results, another order)",
            _ => $" (missing {Shown(missing)}, extra {Shown(extra)})",
        };
    }

    private static string Shown(IReadOnlyCollection<int?> pks) =>
        "[" + string.Join(",", pks.Take(ShownPks).Select(p => p?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"))
            + (pks.Count > ShownPks ? $",… {pks.Count} in all" : "") + "]";

    private static int? PkOf(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("pk", out var pk) && pk.TryGetInt32(out var value) ? value : null;

    private static void CompareItem(string prefix, JsonElement expected, JsonElement ours, Type model, Action<string, string> add)
    {
        object? recordedModel, ourModel;
        try
        {
            recordedModel = expected.Deserialize(model, InvenTreeClient.Json);
        }
        catch (JsonException ex)
        {
            add(prefix + "(whole item)", $"our client cannot read the recorded answer: {ex.Message}");
            return;
        }
        try
        {
            ourModel = ours.Deserialize(model, InvenTreeClient.Json);
        }
        catch (JsonException ex)
        {
            add(prefix + "(whole item)", $"our client cannot read our answer: {ex.Message}");
            return;
        }
        foreach (var field in ContractFields.Of(model))
        {
            var was = field.Property.GetValue(recordedModel);
            var are = field.Property.GetValue(ourModel);
            if (!SameValue(was, are))
            {
                add(prefix + field.Name, $"recorded {Raw(expected, field.Name)}, ours {Raw(ours, field.Name)}");
            }
        }
    }

    /// <summary>By value as parsed: decimals by value (3.0 = 3.00000), lists element by element.</summary>
    private static bool SameValue(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (IEnumerable x, IEnumerable y) => x.Cast<object?>().ToList() is var xs && y.Cast<object?>().ToList() is var ys
                                          && xs.Count == ys.Count && xs.Zip(ys).All(p => SameValue(p.First, p.Second)),
        _ => a.Equals(b),
    };

    private static string Raw(JsonElement item, string field) =>
        item.TryGetProperty(field, out var value) ? value.GetRawText() : "(absent)";
}
