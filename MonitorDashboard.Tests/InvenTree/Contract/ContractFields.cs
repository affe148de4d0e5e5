using System.Reflection;
using System.Text.Json.Serialization;
using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Tests.InvenTree.Contract;

/// <summary>A field our client reads: its JSON name and the model property it is parsed into.</summary>
public sealed record ContractField(string Name, PropertyInfo Property);

/// <summary>
/// The one list of what the contract compares: for each endpoint, the fields our client reads. They are taken from the
/// client's own models (MonitorDashboard/InvenTree/InvenTreeModels.cs) so that this list follows the client: a field
/// the client starts reading (a new <c>[JsonPropertyName]</c>) is compared from then on, and fields only the server
/// sends may differ. Do not list fields here by hand; teach the client to read them.
/// </summary>
public static class ContractFields
{
    /// <summary>Fields a client model declares but nothing reads and which differ between installations by nature.</summary>
    private static readonly Dictionary<(Type Model, string Field), string> NotCompared = new()
    {
        [(typeof(InvenTreeServerInfo), "instance")] = "the name each installation gives itself; nothing in the app reads it",
    };

    /// <summary>The client model an answer of <paramref name="path"/> is read into; null for endpoints the client does not read.</summary>
    public static Type? ModelOf(string path)
    {
        var bare = path.Split('?', 2)[0];
        return bare switch
        {
            "/api/" => typeof(InvenTreeServerInfo),
            "/api/bom/" => typeof(InvenTreeBomItem),
            "/api/build/" => typeof(InvenTreeBuild),
            "/api/company/" => typeof(InvenTreeCompany),
            "/api/company/part/" => typeof(InvenTreeSupplierPart),
            "/api/company/price-break/" => typeof(InvenTreePriceBreak),
            "/api/order/po-line/" => typeof(InvenTreePurchaseOrderLine),
            _ when bare.StartsWith("/api/order/po/", StringComparison.Ordinal) => typeof(InvenTreePurchaseOrder),
            _ when bare.StartsWith("/api/part/", StringComparison.Ordinal) => typeof(InvenTreePart),
            _ => null,
        };
    }

    /// <summary>The compared fields of a client model, in declaration order.</summary>
    public static IReadOnlyList<ContractField> Of(Type model) =>
    [
        .. model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name))
            .Where(p => p.Name is not null && !NotCompared.ContainsKey((model, p.Name)))
            .Select(p => new ContractField(p.Name!, p.Property)),
    ];
}
