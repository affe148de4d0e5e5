namespace MonitorDashboard.Calculation;

public enum PartsFileFormat
{
    Csv,
    Json,
}

/// <summary>
/// One part read from a parts file. <see cref="Where"/> says where it was: <c>line 3</c> in a CSV file, <c>$[2]</c>
/// (the array index) in a JSON file.
/// </summary>
public sealed record PartsFileEntry(string Where, string Name, decimal Quantity, string? Revision)
{
    public PartRequest ToRequest() => new(Name, Revision, null, Quantity);
}

/// <summary>One bad row (or the whole file, <c>Where = "file"</c>) and what is wrong with it.</summary>
public sealed record PartsFileProblem(string Where, string Problem)
{
    public override string ToString() => $"{Where}: {Problem}";
}

/// <summary>What a parts file holds: its parts, usable only when there is no problem at all.</summary>
public sealed record PartsFileResult(PartsFileFormat? Format, IReadOnlyList<PartsFileEntry> Entries, IReadOnlyList<PartsFileProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;

    public static PartsFileResult Failed(string problem, PartsFileFormat? format = null) => new(format, [], [new PartsFileProblem("file", problem)]);
}
