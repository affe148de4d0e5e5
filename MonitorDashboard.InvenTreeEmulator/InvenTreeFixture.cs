namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>
/// The InvenTree data an <see cref="EmulatorServer"/> serves, loaded from a Django <c>dumpdata</c> fixture.
/// Mutations (stock here, purchase orders through the API) are thread-safe and take effect on the next request.
/// </summary>
public sealed class InvenTreeFixture
{
    private readonly Lock _gate = new();
    private FixtureData _data;
    private volatile FixtureIndex? _index;

    private InvenTreeFixture(FixtureData data) => this._data = data;

    /// <summary>Loads a fixture file.</summary>
    public static InvenTreeFixture Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream);
    }

    /// <summary>Parses a fixture from JSON (a list of <c>{model, pk, fields}</c>).</summary>
    public static InvenTreeFixture Parse(Stream json) => new(FixtureLoader.Parse(json));

    /// <summary>Number of parts in the fixture.</summary>
    public int PartCount => Index.Data.Parts.Count;

    /// <summary>The pk of the first part with exactly this name (case-sensitive), or null.</summary>
    public int? FindPartPk(string name) => Index.Data.Parts.FirstOrDefault(p => p.Name == name)?.Pk;

    /// <summary>The pks of all parts, ascending.</summary>
    public IReadOnlyList<int> PartPks() => [.. Index.Data.Parts.Select(p => p.Pk)];

    /// <summary>The pks of a part's stock items (any status), ascending.</summary>
    public IReadOnlyList<int> StockItemPks(int partPk) =>
        [.. Index.Data.StockItems.Values.Where(s => s.Part == partPk).Select(s => s.Pk).Order()];

    /// <summary>The quantity of a stock item, or null when it does not exist.</summary>
    public decimal? StockItemQuantity(int stockItemPk) => Index.Data.StockItems.GetValueOrDefault(stockItemPk)?.Quantity;

    /// <summary>Deletes a stock item.</summary>
    /// <exception cref="KeyNotFoundException">No stock item with that pk.</exception>
    public void RemoveStockItem(int stockItemPk) => MutateStock(stock =>
    {
        if (!stock.Remove(stockItemPk))
        {
            throw new KeyNotFoundException($"No stock item {stockItemPk}.");
        }
    });

    /// <summary>Changes the quantity of a stock item.</summary>
    /// <exception cref="KeyNotFoundException">No stock item with that pk.</exception>
    public void SetStockItemQuantity(int stockItemPk, decimal quantity) => MutateStock(stock =>
    {
        var item = stock.GetValueOrDefault(stockItemPk) ?? throw new KeyNotFoundException($"No stock item {stockItemPk}.");
        stock[stockItemPk] = item with { Quantity = quantity };
    });

    /// <summary>Adds an in-stock item (status OK, not allocated anywhere) of a part and returns its new pk.</summary>
    /// <exception cref="KeyNotFoundException">No part with that pk.</exception>
    public int AddStockItem(int partPk, decimal quantity)
    {
        var newPk = 0;
        MutateStock(stock =>
        {
            if (!_data.Parts.Any(p => p.Pk == partPk))
            {
                throw new KeyNotFoundException($"No part {partPk}.");
            }
            newPk = stock.Count == 0 ? 1 : stock.Keys.Max() + 1;
            stock[newPk] = new FixtureStockItem(newPk, partPk, quantity, 10, null, null, null, null, false, null);
        });
        return newPk;
    }

    /// <summary>The current precomputed state; requests take one snapshot and use it throughout.</summary>
    internal FixtureIndex Index
    {
        get
        {
            if (_index is { } current)
            {
                return current;
            }
            lock (_gate)
            {
                return _index ??= new FixtureIndex(_data);
            }
        }
    }

    private void MutateStock(Action<Dictionary<int, FixtureStockItem>> change) => Mutate(data =>
    {
        var stock = new Dictionary<int, FixtureStockItem>(data.StockItems);
        change(stock);
        return (data with { StockItems = stock }, 0);
    });

    /// <summary>
    /// Replaces the state with the one <paramref name="change"/> makes of it, atomically: concurrent changes are applied
    /// one after the other, each to the state the previous one left. A change that throws leaves the state as it was.
    /// </summary>
    internal T Mutate<T>(Func<FixtureData, (FixtureData Data, T Result)> change)
    {
        lock (_gate)
        {
            var (data, result) = change(_data);
            if (!ReferenceEquals(data, _data))
            {
                _data = data;
                _index = null;
            }
            return result;
        }
    }
}
