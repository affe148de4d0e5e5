namespace MonitorDashboard.Presets;

/// <summary>Why presets.json could not be read. Line and column are 1-based; null when the position is unknown.</summary>
public sealed record PresetsFileError(string FilePath, string Message, long? Line, long? Column)
{
    public override string ToString() => Line is null
        ? $"{FilePath}: {Message}"
        : $"{FilePath} (line {Line}, column {Column}): {Message}";
}

/// <summary>
/// One read of presets.json. <see cref="Version"/> identifies the bytes read and must be passed back to save;
/// a malformed file gives an empty <see cref="Document"/>, a <see cref="FileError"/> and no schedulable lists.
/// </summary>
public sealed record PresetsSnapshot(
    string FilePath,
    string Version,
    PresetsDocument Document,
    PresetsFileError? FileError,
    IReadOnlyList<ListValidationResult> Validation,
    DateTimeOffset LoadedAt)
{
    /// <summary>Version of a file that does not exist (yet).</summary>
    public const string MissingFileVersion = "missing";

    public bool IsMalformed => FileError is not null;

    public IReadOnlyList<MonitoringList> MonitoringLists => Document.MonitoringLists;

    public MonitoringList? FindList(string listId) =>
        Document.MonitoringLists.FirstOrDefault(l => string.Equals(l.Id, listId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The validation of the first list with this id, or null when there is none.</summary>
    public ListValidationResult? ValidationOf(string listId) =>
        Validation.FirstOrDefault(v => string.Equals(v.ListId, listId, StringComparison.OrdinalIgnoreCase));

    public bool IsValid(string listId) => !IsMalformed && ValidationOf(listId) is { IsValid: true };

    /// <summary>Lists the scheduler may run: valid and active.</summary>
    public IEnumerable<MonitoringList> SchedulableLists =>
        IsMalformed ? [] : Document.MonitoringLists.Where((l, i) => l.Active && Validation[i].IsValid);
}
