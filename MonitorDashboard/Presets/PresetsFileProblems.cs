namespace MonitorDashboard.Presets;

/// <summary>
/// The words for a presets.json that cannot be used while the app runs: what happened, what it means (nothing runs)
/// and where the last good version is, for the dashboard banner, the log, admin notices and the CLI.
/// </summary>
internal static class PresetsFileProblems
{
    /// <param name="listsBefore">How many monitoring lists the file had when this process last read or wrote it.</param>
    /// <param name="lastVersion">A copy of that version, when one could be kept.</param>
    public static PresetsFileError Lost(
        string filePath, PresetsFileProblem problem, int listsBefore, string? lastVersion, string backupFolder, string? detail = null)
    {
        var had = listsBefore > 0 ? $" (it had {Lists(listsBefore)})" : "";
        var what = problem switch
        {
            PresetsFileProblem.Missing => $"has disappeared{had}; nothing runs until it is back.",
            PresetsFileProblem.Empty => $"has been emptied{had}; nothing runs until its content is back.",
            _ => $"cannot be read ({detail?.TrimEnd('.')}){had}; nothing runs until it can be read again.",
        };
        return new PresetsFileError(filePath, what + Where(lastVersion, backupFolder, listsBefore), null, null) { Problem = problem };
    }

    public static PresetsFileError NotRestored(string filePath, IReadOnlyList<MonitoringList> lists, string detail) =>
        new(filePath,
            $"was saved by another program without its monitoring lists (the Python tool drops keys it does not know; it had "
            + $"{Lists(lists.Count)}: {string.Join(", ", lists.Select(l => l.Name))}), and putting them back failed: {detail.TrimEnd('.')}. "
            + "Nothing runs until they are back; the app tries again at the next reload.",
            null, null)
        { Problem = PresetsFileProblem.ListsNotRestored };

    private static string Where(string? lastVersion, string backupFolder, int listsBefore) => (lastVersion, listsBefore) switch
    {
        ({ } copy, _) => $" The last version is in {copy}",
        (null, > 0) => $" Earlier versions are in {backupFolder}",
        _ => "",
    };

    private static string Lists(int count) => count == 1 ? "1 monitoring list" : $"{count} monitoring lists";
}
