using System.Collections.Concurrent;

namespace MonitorDashboard.InvenTree;

/// <summary>
/// Shares InvenTree answers between checks due in the same scheduler tick: two lists that both contain a
/// subassembly fetch its BOM once. Lives for one tick only, so no answer is ever stale by more than that.
/// </summary>
/// <param name="lifetime">Cancels the shared requests (the app stopping); no single caller's token does.</param>
public sealed class SharedFetchClient(IInvenTreeClient inner, CancellationToken lifetime = default) : IInvenTreeClient
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _answers = new(StringComparer.Ordinal);

    public Task<InvenTreeServerInfo> GetServerInfoAsync(CancellationToken cancellationToken) =>
        OnceAsync("server", inner.GetServerInfoAsync, cancellationToken);

    public Task<IReadOnlyList<InvenTreePart>> FindPartsByNameAsync(string name, CancellationToken cancellationToken) =>
        OnceAsync("name:" + name, ct => inner.FindPartsByNameAsync(name, ct), cancellationToken);

    // Suggestions are interactive, not part of a check: never shared.
    public Task<IReadOnlyList<InvenTreePart>> SearchPartsAsync(string text, int limit, CancellationToken cancellationToken) =>
        inner.SearchPartsAsync(text, limit, cancellationToken);

    public Task<InvenTreePart> GetPartAsync(int pk, CancellationToken cancellationToken) =>
        OnceAsync($"part:{pk}", ct => inner.GetPartAsync(pk, ct), cancellationToken);

    public Task<IReadOnlyList<InvenTreeBomItem>> GetBomAsync(int assemblyPk, bool includeSubstitutes, CancellationToken cancellationToken) =>
        OnceAsync($"bom:{assemblyPk}:{includeSubstitutes}", ct => inner.GetBomAsync(assemblyPk, includeSubstitutes, ct), cancellationToken);

    public Task<IReadOnlyList<InvenTreePart>> GetPartsInBomForAsync(int assemblyPk, CancellationToken cancellationToken) =>
        OnceAsync($"in_bom_for:{assemblyPk}", ct => inner.GetPartsInBomForAsync(assemblyPk, ct), cancellationToken);

    public Task<IReadOnlyList<InvenTreeBuild>> GetActiveBuildsAsync(int partPk, CancellationToken cancellationToken) =>
        OnceAsync($"builds:{partPk}", ct => inner.GetActiveBuildsAsync(partPk, ct), cancellationToken);

    public Task<IReadOnlyList<InvenTreeBuild>> GetAllActiveBuildsAsync(CancellationToken cancellationToken) =>
        OnceAsync("builds:all", inner.GetAllActiveBuildsAsync, cancellationToken);

    public Task<IReadOnlyList<InvenTreeStockItem>> GetBuildingStockAsync(CancellationToken cancellationToken) =>
        OnceAsync("stock:is_building", inner.GetBuildingStockAsync, cancellationToken);

    public Task<IReadOnlyList<InvenTreeCompany>> GetSuppliersAsync(CancellationToken cancellationToken) =>
        OnceAsync("suppliers", inner.GetSuppliersAsync, cancellationToken);

    public Task<IReadOnlyList<InvenTreeSupplierPart>> GetSupplierPartsAsync(int supplierPk, CancellationToken cancellationToken) =>
        OnceAsync($"supplier_parts:{supplierPk}", ct => inner.GetSupplierPartsAsync(supplierPk, ct), cancellationToken);

    public Task<IReadOnlyList<InvenTreeSupplierPart>> GetSupplierPartsOfPartsAsync(IReadOnlyCollection<int> partPks, CancellationToken cancellationToken) =>
        OnceAsync("supplier_parts_of:" + KeyOf(partPks), ct => inner.GetSupplierPartsOfPartsAsync(partPks, ct), cancellationToken);

    public Task<IReadOnlyList<InvenTreePriceBreak>> GetPriceBreaksAsync(IReadOnlyCollection<int> supplierPartPks, CancellationToken cancellationToken) =>
        OnceAsync("price_breaks:" + KeyOf(supplierPartPks), ct => inner.GetPriceBreaksAsync(supplierPartPks, ct), cancellationToken);

    public Task<IReadOnlyList<InvenTreePurchaseOrder>> GetOpenPurchaseOrdersAsync(CancellationToken cancellationToken) =>
        OnceAsync("po:open", inner.GetOpenPurchaseOrdersAsync, cancellationToken);

    // An order and its lines are read back after drafting one: always asked afresh.
    public Task<InvenTreePurchaseOrder> GetPurchaseOrderAsync(int orderPk, CancellationToken cancellationToken) =>
        inner.GetPurchaseOrderAsync(orderPk, cancellationToken);

    public Task<IReadOnlyList<InvenTreePurchaseOrderLine>> GetPurchaseOrderLinesAsync(IReadOnlyCollection<int> orderPks, CancellationToken cancellationToken) =>
        inner.GetPurchaseOrderLinesAsync(orderPks, cancellationToken);

    private static string KeyOf(IEnumerable<int> pks) => string.Join(',', pks.Distinct().Order());

    private async Task<T> OnceAsync<T>(string key, Func<CancellationToken, Task<T>> fetch, CancellationToken cancellationToken)
    {
        // No single caller's token governs the shared request: one check reaching its deadline (or giving up) must
        // not fail the others waiting for the same answer. Each caller stops waiting on its own token; the request
        // itself is bounded by the client's per-attempt timeout and retries, and by the lifetime token.
        var answer = _answers.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => (await fetch(lifetime))!));
        return (T)await answer.Value.WaitAsync(cancellationToken);
    }
}
