namespace MonitorDashboard.Presets;

/// <summary>
/// Reads presets.json for <see cref="PresetsStore"/> and says what it means, given the last usable version this process
/// read or wrote, which it remembers: a newcomer's missing or empty file is an empty document, but one that held lists
/// has been lost (and that last version is copied to the backup folder, once each time); a valid file without
/// <c>monitoring_lists</c> gets the lists we had back. Never throws for the file's state. Called under the store's gate.
/// </summary>
internal sealed partial class PresetsReader(string filePath, string backupPath, PresetsFileSystem files, PresetsBackups backups, ILogger logger)
{
    // The last usable version this process read or wrote, to tell "the file lost its lists" from "there never were any";
    // null until a file with content was seen (a newcomer's missing file is no error).
    private PresetsDocument? _lastGood;
    private byte[]? _lastGoodBytes;
    // Where that version was copied when the file became unusable; one copy each time that happens.
    private string? _lostCopy;
    private bool _lostCopyTried;
    // The last bytes parsed and what they meant. The file is read again under the lock before every write and after
    // every change the watcher sees; between a burst's last_hash writes most of those reads find the same bytes.
    private byte[]? _parsedBytes;
    private PresetsContent? _parsed;

    public async Task<PresetsReading> ReadAsync(CancellationToken cancellationToken)
    {
        byte[]? bytes;
        try
        {
            bytes = await files.ReadAsync(filePath, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new PresetsReading(null, PresetsSnapshot.UnreadableFileVersion)
            {
                Error = await LostAsync(PresetsFileProblem.Unreadable, ex.Message, cancellationToken),
            };
        }
        if (bytes is null)
        {
            return await EmptyAsync(new PresetsReading(null, PresetsSnapshot.MissingFileVersion), PresetsFileProblem.Missing, cancellationToken);
        }
        var reading = new PresetsReading(bytes, PresetsReading.VersionOf(bytes));
        var content = Parse(bytes);
        if (content.IsBlank)
        {
            return await EmptyAsync(reading, PresetsFileProblem.Empty, cancellationToken);
        }
        if (content.Document is not { } document)
        {
            return reading with { Error = content.Error };
        }
        reading = reading with { Document = document, Seen = true };
        return !content.HasMonitoringLists && await ListsWeHadAsync(cancellationToken) is { Count: > 0 } lists
            ? reading with { ListsToRestore = lists }
            : reading;
    }

    // Parsing is a function of the bytes alone; what the reading makes of it depends on the remembered version.
    private PresetsContent Parse(byte[] bytes)
    {
        if (_parsed is { } known && bytes.AsSpan().SequenceEqual(_parsedBytes))
        {
            return known;
        }
        var content = PresetsJson.Read(filePath, bytes);
        (_parsedBytes, _parsed) = (bytes, content);
        return content;
    }

    /// <summary>A usable version was read or written: it is what the next read is compared with.</summary>
    public void Remember(PresetsDocument document, byte[] bytes)
    {
        _lastGood = document;
        _lastGoodBytes = bytes;
        _lostCopy = null;
        _lostCopyTried = false;
    }

    // Missing or empty: a newcomer's first run when we never saw lists, an error when we did.
    private async Task<PresetsReading> EmptyAsync(PresetsReading reading, PresetsFileProblem problem, CancellationToken cancellationToken) =>
        _lastGood is { MonitoringLists.Count: > 0 }
            ? reading with { Error = await LostAsync(problem, null, cancellationToken) }
            : reading with { Document = PresetsDocument.Empty };

    private async Task<PresetsFileError> LostAsync(PresetsFileProblem problem, string? detail, CancellationToken cancellationToken)
    {
        var had = _lastGood?.MonitoringLists.Count ?? 0;
        if (had > 0 && !_lostCopyTried)
        {
            // Without a lock: a new generation only adds a file, and pruning is left to the next user-made change.
            _lostCopyTried = true;
            try
            {
                _lostCopy = await backups.KeepAsync(_lastGoodBytes!, prune: false, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogCopyFailed(ex, filePath, backups.Folder);
            }
        }
        return PresetsFileProblems.Lost(filePath, problem, had, had > 0 ? _lostCopy : null, backups.Folder, detail);
    }

    // In this process, the lists of the last usable version; at start-up, those of the last version we wrote, else of the
    // newest backup that has the key.
    private async Task<IReadOnlyList<MonitoringList>?> ListsWeHadAsync(CancellationToken cancellationToken) =>
        _lastGood is not null ? _lastGood.MonitoringLists : await backups.NewestListsAsync(backupPath, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not keep a copy of the last version of {FilePath} in {BackupPath}")]
    private partial void LogCopyFailed(Exception exception, string filePath, string backupPath);
}
