using System.Globalization;
using System.Text.RegularExpressions;

namespace MonitorDashboard.Presets;

/// <summary>
/// Earlier versions of presets.json in a folder beside it (<c>presets.json.backups/presets.20261130T075800123Z.json</c>,
/// UTC, so names sort by age). A user-made change keeps the content it replaces here and prunes to the newest
/// <c>Presets:BackupGenerations</c>; other files in the folder are never touched. <c>presets.latest.json</c> there is
/// the last version any of our processes wrote, so lists dropped while no app ran can still be put back.
/// </summary>
internal sealed class PresetsBackups(string filePath, int generations, TimeProvider time, PresetsFileSystem files)
{
    private const string StampFormat = "yyyyMMdd'T'HHmmssfff'Z'";
    private readonly string _stem = Path.GetFileNameWithoutExtension(filePath);
    private readonly string _extension = Path.GetExtension(filePath);
    private readonly Regex _generationName = new(
        "^" + Regex.Escape(Path.GetFileNameWithoutExtension(filePath)) + @"\.\d{8}T\d{9}Z" + Regex.Escape(Path.GetExtension(filePath)) + "$",
        RegexOptions.CultureInvariant);

    public string Folder { get; } = filePath + ".backups";

    /// <summary>The last version written by this app or its CLI (every write, last_hash included); not a generation.</summary>
    public string LatestPath => Path.Combine(Folder, $"{_stem}.latest{_extension}");

    /// <summary>The generations on disk, oldest first.</summary>
    public IReadOnlyList<string> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }
        return Directory.EnumerateFiles(Folder)
            .Where(path => _generationName.IsMatch(Path.GetFileName(path)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Keeps <paramref name="content"/> as the newest generation and returns its path; when the newest generation
    /// already holds exactly this content, that one is returned instead of a copy. <paramref name="prune"/> then
    /// deletes all but the newest generations (callers that do not hold the lock file do not prune).
    /// </summary>
    public async Task<string> KeepAsync(byte[] content, bool prune, CancellationToken cancellationToken)
    {
        var existing = List();
        if (existing.Count > 0 && await files.ReadAsync(existing[^1], cancellationToken) is { } newest && newest.AsSpan().SequenceEqual(content))
        {
            return existing[^1];
        }
        Directory.CreateDirectory(Folder);
        var temp = Path.Combine(Folder, $".{_stem}.{Guid.NewGuid():N}.tmp");
        try
        {
            await files.WriteNewAsync(temp, content, cancellationToken);
            // Two generations in the same millisecond (or a clock set back) move one millisecond on, so names stay unique and in order.
            var stamp = time.GetUtcNow();
            if (existing.Count > 0 && StampOf(existing[^1]) is { } last && stamp <= last)
            {
                stamp = last.AddMilliseconds(1);
            }
            string path;
            while (!files.TryMoveNew(temp, path = PathFor(stamp)))
            {
                stamp = stamp.AddMilliseconds(1);
            }
            if (prune)
            {
                Prune();
            }
            return path;
        }
        finally
        {
            if (File.Exists(temp))
            {
                files.Delete(temp);
            }
        }
    }

    /// <summary>Records <paramref name="content"/> as the last version we wrote. Called under the lock file.</summary>
    public async Task KeepLatestAsync(byte[] content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        await files.WriteAsync(LatestPath, content, cancellationToken);
    }

    /// <summary>
    /// The lists this file last had, as far as the backups know: those of the last version we wrote, else of the newest
    /// generation, else of <paramref name="fallback"/> (the .bak), whichever is first valid with a <c>monitoring_lists</c>
    /// key (copies kept of a file that had lost the key are skipped); null when none is. Unreadable copies are skipped.
    /// </summary>
    public async Task<IReadOnlyList<MonitoringList>?> NewestListsAsync(string fallback, CancellationToken cancellationToken)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = [LatestPath, .. List().Reverse(), fallback];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            candidates = [LatestPath, fallback];
        }
        foreach (var path in candidates)
        {
            try
            {
                if (await files.ReadAsync(path, cancellationToken) is { } bytes
                    && PresetsJson.Read(path, bytes) is { Document: { } document, HasMonitoringLists: true })
                {
                    return document.MonitoringLists;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // an unreadable copy tells us nothing; try the next older one
            }
        }
        return null;
    }

    private void Prune()
    {
        var all = List();
        foreach (var old in all.Take(Math.Max(0, all.Count - generations)))
        {
            try
            {
                files.Delete(old);
            }
            catch (FileNotFoundException)
            {
                // already gone
            }
        }
    }

    private string PathFor(DateTimeOffset stamp) =>
        Path.Combine(Folder, $"{_stem}.{stamp.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture)}{_extension}");

    private DateTimeOffset? StampOf(string path)
    {
        var name = Path.GetFileName(path);
        var text = name.Substring(_stem.Length + 1, name.Length - _stem.Length - 1 - _extension.Length);
        return DateTimeOffset.TryParseExact(text, StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var stamp)
            ? stamp
            : null;
    }
}
