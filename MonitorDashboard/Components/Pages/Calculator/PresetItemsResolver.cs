using System.Globalization;
using MonitorDashboard.Calculation;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Components.Pages.Calculator;

/// <summary>The items a preset save writes, or every reason it cannot be saved (each naming its part).</summary>
public sealed record ResolvedPresetItems(IReadOnlyList<PresetItem> Items, IReadOnlyList<string> Errors);

/// <summary>
/// Turns the calculator's requests into preset items the Python tool can read: a part given by name (and revision) is
/// looked up in InvenTree with the edit form's matching rules and stored as its pk; a part that is not found or is
/// ambiguous, and a fractional quantity, are refused (see <see cref="CalculatorPresetRules"/>).
/// </summary>
public static class PresetItemsResolver
{
    public static async Task<ResolvedPresetItems> ResolveAsync(IReadOnlyList<PartRequest> requests, PartLookup lookup, CancellationToken cancellationToken)
    {
        var resolved = await Task.WhenAll(requests.Select(r => ResolveAsync(r, lookup, cancellationToken)));
        return new ResolvedPresetItems(
            resolved.Where(r => r.Item is not null).Select(r => r.Item!).ToList(),
            resolved.SelectMany(r => r.Errors).ToList());
    }

    private static async Task<(PresetItem? Item, IReadOnlyList<string> Errors)> ResolveAsync(PartRequest request, PartLookup lookup, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var label = $"\"{request.Label}\"";
        if (request.Quantity != decimal.Truncate(request.Quantity))
        {
            errors.Add($"{label}: quantity {request.Quantity.ToString(CultureInfo.InvariantCulture)} is not a whole number; {CalculatorPresetRules.WholeNumbersOnly}");
        }
        var pk = request.Pk;
        if (pk is null)
        {
            var found = await lookup.LookupAsync(request.Name ?? "", request.Revision, cancellationToken);
            pk = found.Part?.Pk;
            if (found.Status != PartLookupStatus.Found)
            {
                errors.Add(found.Status switch
                {
                    PartLookupStatus.NotFound => $"{label}: no part in InvenTree has this name{(request.Revision is null ? "" : " and revision")}; a preset stores the part's id, so the part must exist",
                    PartLookupStatus.Ambiguous => $"{label}: {found.Matches} parts in InvenTree have this name; give the revision, or pick the part by id (#pk)",
                    _ => $"{label}: could not be looked up in InvenTree ({found.Error}); a preset stores the part's id, try again",
                });
            }
        }
        return errors.Count > 0 || pk is null
            ? (null, errors)
            : (CalculatorPresetRules.Item(pk.Value, (long)request.Quantity), errors);
    }
}
