using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Presets;

/// <summary>
/// The single owner of presets.json in this process; other processes (the CLI, the Python tool, an editor) write it
/// too. Reads give a <see cref="PresetsSnapshot"/> with a version token. Writes are serialised in-process and across
/// our processes by the lock file beside presets.json, optimistic (refused when the file is no longer the version the
/// caller read), validated and atomic: a temp file in the same folder, flushed to disk, compared with the file once
/// more right before it is renamed over it, so a program that takes no lock does not lose its change. The previous
/// content is kept in presets.json.bak and, for user-made changes, as a generation in the backup folder. A file that
/// is malformed, unreadable, or vanished or emptied after it held lists is reported, never written; a valid file that
/// another program saved without <c>monitoring_lists</c> gets the lists back.
/// </summary>
public sealed partial class PresetsStore : IDisposable
{
    // A write without an expected version (last_hash, putting lists back) redoes its read-modify-write from the new
    // content when another program changed the file under it, this often at most.
    private const int MaxAttempts = 3;

    private readonly MonitoringListValidator _validator;
    private readonly TimeProvider _time;
    private readonly ILogger<PresetsStore> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly PresetsSubscribers _subscribers;
    private readonly PresetsFileSystem _files;
    private readonly PresetsFileLock _fileLock;
    private readonly PresetsBackups _backups;

    // Guarded by gate. The last usable version this process read or wrote, to tell "the file lost its lists" from
    // "there never were any"; null until a file with content was seen (a newcomer's missing file is no error).
    private PresetsDocument? _lastGood;
    private byte[]? _lastGoodBytes;
    // Where that version was copied when the file became unusable; one copy each time that happens.
    private string? _lostCopy;
    private bool _lostCopyTried;

    public PresetsStore(IOptions<PresetsOptions> options, MonitoringListValidator validator, TimeProvider time, ILogger<PresetsStore> logger)
        : this(options, validator, time, logger, new PresetsFileSystem())
    {
    }

    internal PresetsStore(
        IOptions<PresetsOptions> options, MonitoringListValidator validator, TimeProvider time, ILogger<PresetsStore> logger, PresetsFileSystem files)
    {
        var settings = options.Value;
        FilePath = Path.GetFullPath(settings.FilePath);
        _validator = validator;
        _time = time;
        _logger = logger;
        _files = files;
        _subscribers = new PresetsSubscribers(logger);
        _fileLock = new PresetsFileLock(FilePath, settings.LockTimeout, time);
        _backups = new PresetsBackups(FilePath, settings.BackupGenerations, time, files);
        if (PresetsFileLock.IsDisabledForProcess)
        {
            LogLockingDisabled(FilePath);
        }
    }

    public string FilePath { get; }

    public string BackupPath => FilePath + ".bak";

    /// <summary>The lock file every writer holds while it reads, compares and writes (<c>presets.json.lock</c>).</summary>
    public string LockPath => _fileLock.Path;

    /// <summary>The folder with earlier versions of the file (<c>presets.json.backups</c>).</summary>
    public string BackupFolder => _backups.Folder;

    /// <summary>The latest snapshot read or written by this store; null before the first load.</summary>
    public PresetsSnapshot? Current => _subscribers.Last;

    /// <summary>Calls <paramref name="onChanged"/> whenever a load or save yields a different file version (or file error).</summary>
    public IDisposable Subscribe(Action<PresetsSnapshot> onChanged) => _subscribers.Add(onChanged);

    /// <summary>
    /// Reads the file. Never throws for the file's state: a malformed, unreadable, or (after it held lists) missing or
    /// emptied file gives a snapshot with a <see cref="PresetsSnapshot.FileError"/>; a newcomer's missing or empty file is
    /// an empty document; a file saved by another program without <c>monitoring_lists</c> gets our last known lists
    /// back (see <see cref="PresetsSnapshot.Restoration"/>).
    /// </summary>
    public async Task<PresetsSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        PresetsSnapshot snapshot;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var reading = await ReadAsync(cancellationToken);
            snapshot = reading switch
            {
                { Error: { } error } => ErrorSnapshot(reading.Version, error),
                { ListsToRestore: not null } => await RestoreAsync(reading, cancellationToken),
                _ => Usable(reading),
            };
        }
        finally
        {
            _gate.Release();
        }
        Publish(snapshot);
        return snapshot;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the document on disk and writes it. Refused with
    /// <see cref="PresetsConflictException"/> when the file is no longer <paramref name="expectedVersion"/> (also when
    /// someone changes it while this write is under way), <see cref="PresetsFileException"/> when it cannot be used,
    /// <see cref="PresetsLockTimeoutException"/> when another program holds the lock file too long, and
    /// <see cref="PresetsValidationException"/> when a list the change added or modified is invalid (lists it did not
    /// touch may stay invalid).
    /// </summary>
    public Task<PresetsSnapshot> SaveAsync(Func<PresetsDocument, PresetsDocument> change, string expectedVersion, CancellationToken cancellationToken) =>
        WriteAsync(change, expectedVersion, ValidationMode.Strict, WriteKind.UserChange, cancellationToken);

    /// <summary>Adds a list; an empty id gets a new lower-case UUID.</summary>
    public async Task<ListSaveResult> AddListAsync(MonitoringList list, string expectedVersion, CancellationToken cancellationToken)
    {
        var added = string.IsNullOrWhiteSpace(list.Id) ? list with { Id = Guid.NewGuid().ToString("D") } : list;
        var snapshot = await SaveAsync(doc => doc with { MonitoringLists = [.. doc.MonitoringLists, added] }, expectedVersion, cancellationToken);
        return new ListSaveResult(snapshot, snapshot.FindList(added.Id)!);
    }

    /// <summary>Replaces the list with the same id; unknown keys of <paramref name="list"/> are written as given.</summary>
    public Task<PresetsSnapshot> UpdateListAsync(MonitoringList list, string expectedVersion, CancellationToken cancellationToken) =>
        SaveAsync(doc => ReplaceList(doc, list.Id, _ => list), expectedVersion, cancellationToken);

    public Task<PresetsSnapshot> DeleteListAsync(string listId, string expectedVersion, CancellationToken cancellationToken) =>
        SaveAsync(doc =>
        {
            _ = IndexOf(doc, listId);
            return doc with { MonitoringLists = doc.MonitoringLists.Where(l => !SameId(l.Id, listId)).ToList() };
        }, expectedVersion, cancellationToken);

    /// <summary>Pausing or resuming is allowed even when the list already had errors; it only may not add new ones.</summary>
    public Task<PresetsSnapshot> SetActiveAsync(string listId, bool active, string expectedVersion, CancellationToken cancellationToken) =>
        WriteAsync(doc => ReplaceList(doc, listId, l => l with { Active = active }), expectedVersion, ValidationMode.NoNewErrors, WriteKind.UserChange, cancellationToken);

    /// <summary>
    /// Records the hash of the report just accepted for delivery: a fresh read-modify-write of only that field,
    /// without a version check (the engine holds no snapshot to compare), redone from the new content when another
    /// program changes the file meanwhile, never on a file that cannot be used, and without a backup generation.
    /// </summary>
    public Task<PresetsSnapshot> SetLastHashAsync(string listId, string? hash, CancellationToken cancellationToken) =>
        WriteAsync(doc => ReplaceList(doc, listId, l => l with { LastHash = hash }), null, ValidationMode.None, WriteKind.LastHash, cancellationToken);

    public void Dispose() => _gate.Dispose();

    private enum ValidationMode { Strict, NoNewErrors, None }

    /// <summary>User-made changes keep a backup generation; last_hash updates do not; putting lost lists back keeps the file as found.</summary>
    private enum WriteKind { UserChange, LastHash, Restore }

    /// <summary>One read of the file and what it means, given what this process saw before.</summary>
    private sealed record Reading(byte[]? Bytes, string Version)
    {
        public PresetsDocument? Document { get; init; }

        public PresetsFileError? Error { get; init; }

        /// <summary>Set when the file is valid but has no <c>monitoring_lists</c> key while we had lists.</summary>
        public IReadOnlyList<MonitoringList>? ListsToRestore { get; init; }

        /// <summary>A file with content, as opposed to a newcomer's missing or empty one.</summary>
        public bool Seen { get; init; }
    }

    private async Task<PresetsSnapshot> WriteAsync(
        Func<PresetsDocument, PresetsDocument> change, string? expectedVersion, ValidationMode mode, WriteKind kind, CancellationToken cancellationToken)
    {
        PresetsSnapshot snapshot;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            snapshot = await CommitAsync(change, expectedVersion, mode, kind, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        Publish(snapshot);
        return snapshot;
    }

    // The caller holds the gate.
    private async Task<PresetsSnapshot> CommitAsync(
        Func<PresetsDocument, PresetsDocument> change, string? expectedVersion, ValidationMode mode, WriteKind kind, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        using var held = await _fileLock.AcquireAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var reading = await ReadAsync(cancellationToken);
            if (reading.Error is { } error)
            {
                throw new PresetsFileException(error);
            }
            if (expectedVersion is not null && !string.Equals(reading.Version, expectedVersion, StringComparison.Ordinal))
            {
                throw new PresetsConflictException();
            }
            if (kind == WriteKind.Restore && reading.ListsToRestore is null)
            {
                return Usable(reading); // someone put them back meanwhile
            }
            var before = reading.ListsToRestore is { } lists ? reading.Document! with { MonitoringLists = lists } : reading.Document!;
            var after = change(before);
            RefuseInvalid(before, after, mode);
            if (await TryReplaceAsync(reading, after, kind, cancellationToken) is { } snapshot)
            {
                return snapshot;
            }
            if (expectedVersion is not null)
            {
                throw new PresetsConflictException();
            }
            if (attempt == MaxAttempts)
            {
                throw new PresetsConflictException(
                    $"{FilePath} kept being changed by another program while it was written ({MaxAttempts} attempts); nothing was written, try again");
            }
        }
    }

    /// <summary>Writes <paramref name="after"/> unless the file changed since <paramref name="reading"/>; null when it did.</summary>
    private async Task<PresetsSnapshot?> TryReplaceAsync(Reading reading, PresetsDocument after, WriteKind kind, CancellationToken cancellationToken)
    {
        var content = PresetsJson.Write(after);
        var temp = Path.Combine(Path.GetDirectoryName(FilePath)!, $".{Path.GetFileName(FilePath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await _files.WriteNewAsync(temp, content, cancellationToken);
            string? generation = null;
            if (reading.Bytes is { } previous)
            {
                if (reading.Seen && (kind != WriteKind.LastHash || reading.ListsToRestore is not null))
                {
                    generation = await _backups.KeepAsync(previous, prune: true, cancellationToken);
                }
                await _files.WriteAsync(BackupPath, previous, cancellationToken);
            }
            if (!await _files.ReplaceIfUnchangedAsync(temp, FilePath, reading.Bytes, cancellationToken))
            {
                TryDelete(temp);
                return null;
            }
            // Renamed: the write has happened, so nothing after this may make it look cancelled or failed.
            var version = Hash(content);
            LogSaved(FilePath, version);
            await KeepLatestAsync(content);
            var snapshot = Remember(after, content, version);
            if (reading.ListsToRestore is not { } restored)
            {
                return snapshot;
            }
            var names = restored.Select(l => l.Name).ToList();
            LogListsRestored(FilePath, names, generation!);
            return snapshot with { Restoration = new ListsRestored(names, generation!, _time.GetUtcNow()) };
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private async Task KeepLatestAsync(byte[] content)
    {
        try
        {
            await _backups.KeepLatestAsync(content, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogCopyFailed(ex, FilePath, _backups.LatestPath);
        }
    }

    private async Task<PresetsSnapshot> RestoreAsync(Reading found, CancellationToken cancellationToken)
    {
        try
        {
            return await CommitAsync(doc => doc, null, ValidationMode.None, WriteKind.Restore, cancellationToken);
        }
        catch (PresetsFileException ex)
        {
            return ErrorSnapshot(found.Version, ex.Error); // the file broke meanwhile
        }
        catch (Exception ex) when (ex is PresetsException or IOException or UnauthorizedAccessException)
        {
            LogRestoreFailed(ex, FilePath);
            return ErrorSnapshot(found.Version, PresetsFileProblems.NotRestored(FilePath, found.ListsToRestore!, ex.Message));
        }
    }

    private async Task<Reading> ReadAsync(CancellationToken cancellationToken)
    {
        byte[]? bytes;
        try
        {
            bytes = await _files.ReadAsync(FilePath, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new Reading(null, PresetsSnapshot.UnreadableFileVersion)
            {
                Error = await LostAsync(PresetsFileProblem.Unreadable, ex.Message, cancellationToken),
            };
        }
        if (bytes is null)
        {
            return await EmptyAsync(new Reading(null, PresetsSnapshot.MissingFileVersion), PresetsFileProblem.Missing, cancellationToken);
        }
        var reading = new Reading(bytes, Hash(bytes));
        var content = PresetsJson.Read(FilePath, bytes);
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

    // Missing or empty: a newcomer's first run when we never saw lists, an error when we did.
    private async Task<Reading> EmptyAsync(Reading reading, PresetsFileProblem problem, CancellationToken cancellationToken) =>
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
                _lostCopy = await _backups.KeepAsync(_lastGoodBytes!, prune: false, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogCopyFailed(ex, FilePath, _backups.Folder);
            }
        }
        return PresetsFileProblems.Lost(FilePath, problem, had, had > 0 ? _lostCopy : null, _backups.Folder, detail);
    }

    // In this process, the lists of the last usable version; at start-up, those of the last version we wrote, else of the
    // newest backup that has the key.
    private async Task<IReadOnlyList<MonitoringList>?> ListsWeHadAsync(CancellationToken cancellationToken) =>
        _lastGood is not null ? _lastGood.MonitoringLists : await _backups.NewestListsAsync(BackupPath, cancellationToken);

    private PresetsSnapshot Usable(Reading reading) =>
        reading.Seen ? Remember(reading.Document!, reading.Bytes!, reading.Version) : SnapshotOf(reading.Document!, reading.Version);

    private PresetsSnapshot Remember(PresetsDocument document, byte[] bytes, string version)
    {
        _lastGood = document;
        _lastGoodBytes = bytes;
        _lostCopy = null;
        _lostCopyTried = false;
        return SnapshotOf(document, version);
    }

    private PresetsSnapshot SnapshotOf(PresetsDocument document, string version) =>
        new(FilePath, version, document, null, _validator.ValidateAll(document.MonitoringLists), _time.GetUtcNow());

    private PresetsSnapshot ErrorSnapshot(string version, PresetsFileError error) =>
        new(FilePath, version, PresetsDocument.Empty, error, [], _time.GetUtcNow());

    private void Publish(PresetsSnapshot snapshot)
    {
        var previous = _subscribers.Last;
        if (snapshot.FileError is { } error && (previous?.FileError != error || previous.Version != snapshot.Version))
        {
            if (error.Problem == PresetsFileProblem.Malformed)
            {
                LogMalformed(error.ToString());
            }
            else
            {
                LogUnusable(error.ToString());
            }
        }
        _subscribers.Publish(snapshot);
    }

    private void RefuseInvalid(PresetsDocument before, PresetsDocument after, ValidationMode mode)
    {
        if (mode == ValidationMode.None)
        {
            return;
        }
        var touched = Enumerable.Range(0, after.MonitoringLists.Count)
            .Where(i => !before.MonitoringLists.Contains(after.MonitoringLists[i]))
            .ToHashSet();
        var results = _validator.ValidateAll(after.MonitoringLists, touched);
        var previous = _validator.ValidateAll(before.MonitoringLists);
        var errors = results.Where(r => touched.Contains(r.Index)).SelectMany(r => r.Errors.Where(e =>
                mode == ValidationMode.Strict
                || !previous.Any(p => SameId(p.ListId, r.ListId) && p.Errors.Any(old => old.Detail == e.Detail))))
            .ToList();
        if (errors.Count > 0)
        {
            throw new PresetsValidationException(errors);
        }
    }

    private static PresetsDocument ReplaceList(PresetsDocument doc, string listId, Func<MonitoringList, MonitoringList> change)
    {
        var index = IndexOf(doc, listId);
        var lists = doc.MonitoringLists.ToList();
        lists[index] = change(lists[index]);
        return doc with { MonitoringLists = lists };
    }

    private static int IndexOf(PresetsDocument doc, string listId)
    {
        var index = doc.MonitoringLists.ToList().FindIndex(l => SameId(l.Id, listId));
        return index >= 0 ? index : throw new PresetsListNotFoundException(listId);
    }

    private static bool SameId(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                _files.Delete(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogTempLeft(ex, path);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Presets file is malformed and is not used or overwritten until fixed: {Error}")]
    private partial void LogMalformed(string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Presets file cannot be used and is not written until it is back: {Error}")]
    private partial void LogUnusable(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Saved {FilePath} (version {Version})")]
    private partial void LogSaved(string filePath, string version);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{FilePath} was saved by another program without its monitoring lists (the Python tool drops keys it does not know); "
            + "put back {ListNames}; the file as found is kept in {BackupPath}")]
    private partial void LogListsRestored(string filePath, IReadOnlyList<string> listNames, string backupPath);

    [LoggerMessage(Level = LogLevel.Error, Message = "Putting the monitoring lists back into {FilePath} failed; nothing runs until they are back")]
    private partial void LogRestoreFailed(Exception exception, string filePath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not keep a copy of the last version of {FilePath} in {BackupPath}")]
    private partial void LogCopyFailed(Exception exception, string filePath, string backupPath);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "File locking is disabled in this process (System.IO.DisableFileLocking); writes to {FilePath} are not kept apart from other programs' writes")]
    private partial void LogLockingDisabled(string filePath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove the temporary file {TempPath}")]
    private partial void LogTempLeft(Exception exception, string tempPath);
}

/// <summary>The snapshot after an add, and the list as stored (with its generated id).</summary>
public sealed record ListSaveResult(PresetsSnapshot Snapshot, MonitoringList List);
