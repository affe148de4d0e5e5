using System.Runtime.CompilerServices;

namespace MonitorDashboard.Presets;

/// <summary>What is wrong with presets.json, so pages and notices can say more than "cannot be read".</summary>
public enum PresetsFileProblem
{
    /// <summary>Not JSON, or the wrong shape; <see cref="PresetsFileError.Line"/> says where.</summary>
    Malformed,

    /// <summary>The file was deleted after it held monitoring lists.</summary>
    Missing,

    /// <summary>The file became empty (or only whitespace) after it held monitoring lists.</summary>
    Empty,

    /// <summary>The file exists but cannot be read (permissions, an I/O error).</summary>
    Unreadable,

    /// <summary>Another program saved the file without <c>monitoring_lists</c> and putting them back failed.</summary>
    ListsNotRestored,
}

/// <summary>Why presets.json could not be used. Line and column are 1-based; null when the position is unknown.</summary>
public sealed record PresetsFileError(string FilePath, string Message, long? Line, long? Column)
{
    public PresetsFileProblem Problem { get; init; } = PresetsFileProblem.Malformed;

    // Malformed messages read "<path>: is not valid JSON"; the others are sentences about the file ("<path> has disappeared").
    public override string ToString() => (Problem, Line) switch
    {
        (not PresetsFileProblem.Malformed, _) => $"{FilePath} {Message}",
        (_, null) => $"{FilePath}: {Message}",
        _ => $"{FilePath} (line {Line}, column {Column}): {Message}",
    };
}

/// <summary>
/// Another program (the Python tool drops keys it does not know when it saves) wrote presets.json without
/// <c>monitoring_lists</c>; these lists were put back, and the file as found was kept at <see cref="BackupPath"/>.
/// </summary>
public sealed record ListsRestored(IReadOnlyList<string> ListNames, string BackupPath, DateTimeOffset At);

/// <summary>
/// One read of presets.json. <see cref="Version"/> identifies the bytes read and must be passed back to save;
/// a file that cannot be used (malformed, vanished, emptied, unreadable) gives an empty <see cref="Document"/>,
/// a <see cref="FileError"/> and no schedulable lists.
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

    /// <summary>Version of a file that exists but could not be read.</summary>
    public const string UnreadableFileVersion = "unreadable";

    /// <summary>
    /// Set on the one snapshot published right after this store put back monitoring lists another program had
    /// dropped, so the engine can tell the admins once; null otherwise.
    /// </summary>
    public ListsRestored? Restoration { get; init; }

    public bool IsMalformed => FileError is not null;

    public IReadOnlyList<MonitoringList> MonitoringLists => Document.MonitoringLists;

    public MonitoringList? FindList(string listId) =>
        ListsById.GetValue(Document, document => FirstById(document.MonitoringLists, l => l.Id)).GetValueOrDefault(listId);

    /// <summary>The validation of the first list with this id, or null when there is none.</summary>
    public ListValidationResult? ValidationOf(string listId) =>
        ValidationsById.GetValue(Validation, validation => FirstById(validation, v => v.ListId)).GetValueOrDefault(listId);

    // The scheduler asks about every list every second and every check looks its list up: by id, not by a scan of a
    // thousand lists. Kept beside the (immutable) document and validation, not in the record, so equality is untouched.
    private static readonly ConditionalWeakTable<PresetsDocument, Dictionary<string, MonitoringList>> ListsById = new();
    private static readonly ConditionalWeakTable<IReadOnlyList<ListValidationResult>, Dictionary<string, ListValidationResult>> ValidationsById = new();

    private static Dictionary<string, T> FirstById<T>(IEnumerable<T> items, Func<T, string?> id)
    {
        var byId = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            if (id(item) is { } key)
            {
                byId.TryAdd(key, item); // the first with an id wins, as a scan from the top found it
            }
        }
        return byId;
    }

    public bool IsValid(string listId) => !IsMalformed && ValidationOf(listId) is { IsValid: true };

    /// <summary>Lists the scheduler may run: valid and active.</summary>
    public IEnumerable<MonitoringList> SchedulableLists =>
        IsMalformed ? [] : Document.MonitoringLists.Where((l, i) => l.Active && Validation[i].IsValid);
}
