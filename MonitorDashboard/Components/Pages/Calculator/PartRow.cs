namespace MonitorDashboard.Components.Pages.Calculator;

/// <summary>One editable row of the calculator: a part (name, or a pk as "#123"/"123"), an optional revision, a quantity.</summary>
public sealed class PartRow
{
    public string Part { get; set; } = "";

    public string? Revision { get; set; }

    public decimal? Quantity { get; set; }

    /// <summary>What the row stands for when the part field alone does not say it (e.g. the name of a pk row).</summary>
    public string? Hint { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Part) && string.IsNullOrWhiteSpace(Revision) && Quantity is null;
}
