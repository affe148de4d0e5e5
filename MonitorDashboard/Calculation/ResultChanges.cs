namespace MonitorDashboard.Calculation;

/// <summary>A part that appeared in or left a table, with its quantity (now for new rows, before for resolved ones).</summary>
public sealed record PartQuantity(int Pk, string Name, decimal Quantity);

/// <summary>A part whose quantity to order or to build went up or down.</summary>
public sealed record QuantityChange(int Pk, string Name, decimal Before, decimal After);

/// <summary>A part that stayed critical but whose available stock or minimum moved.</summary>
public sealed record CriticalChange(int Pk, string Name, decimal AvailableBefore, decimal AvailableAfter, decimal MinimumBefore, decimal MinimumAfter);

/// <summary>What changed in the significant result since the previous report (product.md §5).</summary>
public sealed record ResultChanges
{
    /// <summary>No previous result to compare with: every list below is empty and the report counts as changed.</summary>
    public bool IsFirstReport { get; init; }

    public IReadOnlyList<PartQuantity> NewShortages { get; init; } = [];
    public IReadOnlyList<PartQuantity> ResolvedShortages { get; init; } = [];
    public IReadOnlyList<QuantityChange> IncreasedOrders { get; init; } = [];
    public IReadOnlyList<QuantityChange> DecreasedOrders { get; init; } = [];

    public IReadOnlyList<PartQuantity> NewBuilds { get; init; } = [];
    public IReadOnlyList<PartQuantity> ResolvedBuilds { get; init; } = [];
    public IReadOnlyList<QuantityChange> IncreasedBuilds { get; init; } = [];
    public IReadOnlyList<QuantityChange> DecreasedBuilds { get; init; } = [];

    public IReadOnlyList<CriticalPart> CriticalAdded { get; init; } = [];
    public IReadOnlyList<CriticalPart> CriticalRemoved { get; init; } = [];
    public IReadOnlyList<CriticalChange> CriticalUpdated { get; init; } = [];

    public IReadOnlyList<NotFoundPart> NotFoundAdded { get; init; } = [];
    public IReadOnlyList<NotFoundPart> NotFoundRemoved { get; init; } = [];

    public bool HasChanges =>
        IsFirstReport
        || NewShortages.Count + ResolvedShortages.Count + IncreasedOrders.Count + DecreasedOrders.Count > 0
        || NewBuilds.Count + ResolvedBuilds.Count + IncreasedBuilds.Count + DecreasedBuilds.Count > 0
        || CriticalAdded.Count + CriticalRemoved.Count + CriticalUpdated.Count > 0
        || NotFoundAdded.Count + NotFoundRemoved.Count > 0;

    public static ResultChanges FirstReport { get; } = new() { IsFirstReport = true };

    public static ResultChanges None { get; } = new();
}
