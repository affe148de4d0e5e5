using System.Text.Json;
using MonitorDashboard.Calculation;

namespace MonitorDashboard.Cli;

/// <summary>The <c>calc --json</c> shape: snake_case keys, quantities as JSON numbers.</summary>
internal static class CalcJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public static string Serialize(
        CalculationRun run, InProductionRule inProductionRule = InProductionRule.Scheduled, bool replenishToMinimum = false)
    {
        var r = run.Result;
        var document = new Document(
            r.PartsToOrder.Select(o => new Order(
                o.Pk, o.Name, o.Ipn, o.Revision, Numbers.Normalise(o.Needed), Numbers.Normalise(o.TotalInStock),
                Numbers.Normalise(o.RequiredForBuildOrders), Numbers.Normalise(o.RequiredForSalesOrders), Numbers.Normalise(o.Available),
                Numbers.Normalise(o.OnOrder), Numbers.Normalise(o.ToOrder), o.Optional, o.Consumable, o.BelongsTo,
                o.Substitutes.Select(s => new Substitute(s.Pk, s.Name, Numbers.Normalise(s.Available))).ToList(),
                Numbers.Normalise(o.ForDemand), Numbers.Normalise(o.Replenishment), Numbers.Normalise(o.MinimumStock))).ToList(),
            r.SubassembliesToBuild.Select(b => new Build(
                b.Pk, b.Name, Numbers.Normalise(b.Needed), Numbers.Normalise(b.Available), Numbers.Normalise(b.InProduction),
                Numbers.Normalise(b.ToBuild), b.Optional, b.BelongsTo,
                Numbers.Normalise(b.RequiredForBuildOrders), Numbers.Normalise(b.RequiredForSalesOrders))).ToList(),
            r.Critical.Select(c => new Critical(c.Pk, c.Name, Numbers.Normalise(c.TotalInStock), Numbers.Normalise(c.MinimumStock))).ToList(),
            r.NotFound.Select(n => new NotFound(n.Name, n.Revision, n.Matches)).ToList(),
            r.Warnings,
            inProductionRule.Name(),
            replenishToMinimum,
            run.Requests);
        return JsonSerializer.Serialize(document, Options);
    }

    private sealed record Document(
        IReadOnlyList<Order> PartsToOrder,
        IReadOnlyList<Build> SubassembliesToBuild,
        IReadOnlyList<Critical> Critical,
        IReadOnlyList<NotFound> NotFound,
        IReadOnlyList<string> Warnings,
        string InProductionRule,
        bool ReplenishToMinimum,
        int Requests);

    private sealed record Order(
        int Pk, string Name, string? Ipn, string? Revision, decimal Needed, decimal TotalInStock, decimal RequiredForBuildOrders,
        decimal RequiredForSalesOrders, decimal Available, decimal OnOrder, decimal ToOrder, bool Optional, bool Consumable,
        IReadOnlyList<string> BelongsTo, IReadOnlyList<Substitute> Substitutes,
        decimal ForDemand, decimal Replenishment, decimal MinimumStock);

    private sealed record Substitute(int Pk, string Name, decimal Available);

    private sealed record Build(
        int Pk, string Name, decimal Needed, decimal Available, decimal InProduction, decimal ToBuild, bool Optional,
        IReadOnlyList<string> BelongsTo, decimal RequiredForBuildOrders, decimal RequiredForSalesOrders);

    private sealed record Critical(int Pk, string Name, decimal TotalInStock, decimal MinimumStock);

    private sealed record NotFound(string Name, string? Revision, int Matches);
}
