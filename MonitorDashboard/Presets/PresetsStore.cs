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
/// another program saved without <c>monitoring_lists</c> gets the lists back. This class serialises, retries and
/// publishes; reading (<see cref="PresetsReader"/>), replacing the file (<see cref="PresetsReplacer"/>), validating a
/// change (<see cref="PresetsChangeValidator"/>) and editing the lists (<see cref="MonitoringListEdits"/>) have their own.
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
    private readonly PresetsFileLock _fileLock;
    private readonly PresetsBackups _backups;
    // Guarded by gate, like everything the reader remembers.
    private readonly PresetsReader _reader;
    private readonly PresetsReplacer _replacer;
    private readonly PresetsChangeValidator _changes;

    public PresetsStore(IOptions<PresetsOptions> options, MonitoringListValidator validator, TimeProvider time, ILogger<PresetsStore> logger)
        : this(options, validator, time, logger, new PresetsFileSystem())
    {
    }

    internal PresetsStore(
        IOptions<PresetsOptions> options, MonitoringListValidator validator, TimeProvider time, ILogger<PresetsStore> logger, PresetsFileSystem files)
    {
        var settings = options.Value;
        FilePath = Path.GetFullPath(settings.FilePath);
        this._validator = validator;
        this._time = time;
        this._logger = logger;
        _subscribers = new PresetsSubscribers(logger);
        _fileLock = new PresetsFileLock(FilePath, settings.LockTimeout, time);
        _backups = new PresetsBackups(FilePath, settings.BackupGenerations, time, files);
        _reader = new PresetsReader(FilePath, BackupPath, files, _backups, logger);
        _replacer = new PresetsReplacer(FilePath, BackupPath, files, _backups, logger);
        _changes = new PresetsChangeValidator(validator);
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
            var reading = await _reader.ReadAsync(cancellationToken);
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
        var snapshot = await SaveAsync(doc => MonitoringListEdits.Add(doc, added), expectedVersion, cancellationToken);
        return new ListSaveResult(snapshot, snapshot.FindList(added.Id)!);
    }

    /// <summary>Replaces the list with the same id; unknown keys of <paramref name="list"/> are written as given.</summary>
    public Task<PresetsSnapshot> UpdateListAsync(MonitoringList list, string expectedVersion, CancellationToken cancellationToken) =>
        SaveAsync(doc => MonitoringListEdits.Replace(doc, list.Id, _ => list), expectedVersion, cancellationToken);

    public Task<PresetsSnapshot> DeleteListAsync(string listId, string expectedVersion, CancellationToken cancellationToken) =>
        SaveAsync(doc => MonitoringListEdits.Remove(doc, listId), expectedVersion, cancellationToken);

    /// <summary>Pausing or resuming is allowed even when the list already had errors; it only may not add new ones.</summary>
    public Task<PresetsSnapshot> SetActiveAsync(string listId, bool active, string expectedVersion, CancellationToken cancellationToken) =>
        WriteAsync(doc => MonitoringListEdits.Replace(doc, listId, l => l with { Active = active }), expectedVersion, ValidationMode.NoNewErrors,
            WriteKind.UserChange, cancellationToken);

    /// <summary>
    /// Records the hash of the report just accepted for delivery: a fresh read-modify-write of only that field,
    /// without a version check (the engine holds no snapshot to compare), redone from the new content when another
    /// program changes the file meanwhile, never on a file that cannot be used, and without a backup generation.
    /// </summary>
    public Task<PresetsSnapshot> SetLastHashAsync(string listId, string? hash, CancellationToken cancellationToken) =>
        WriteAsync(doc => MonitoringListEdits.Replace(doc, listId, l => l with { LastHash = hash }), null, ValidationMode.None, WriteKind.LastHash,
            cancellationToken);

    /// <summary>
    /// Records the hashes of many lists' reports in one write, as <see cref="SetLastHashAsync"/> does for one: a burst of
    /// reports rewrites the file once, not once per report. Ids no list has (deleted meanwhile) are left out; the
    /// returned snapshot tells which lists exist.
    /// </summary>
    public Task<PresetsSnapshot> SetLastHashesAsync(IReadOnlyDictionary<string, string?> hashes, CancellationToken cancellationToken) =>
        WriteAsync(doc => MonitoringListEdits.SetLastHashes(doc, hashes), null, ValidationMode.None, WriteKind.LastHash, cancellationToken);

    public void Dispose() => _gate.Dispose();

    /// <summary>User-made changes keep a backup generation; last_hash updates do not; putting lost lists back keeps the file as found.</summary>
    private enum WriteKind { UserChange, LastHash, Restore }

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
            var reading = await _reader.ReadAsync(cancellationToken);
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
            _changes.EnsureValid(before, after, mode);
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
    private async Task<PresetsSnapshot?> TryReplaceAsync(PresetsReading reading, PresetsDocument after, WriteKind kind, CancellationToken cancellationToken)
    {
        var content = PresetsJson.Write(after);
        var keepGeneration = reading.Seen && (kind != WriteKind.LastHash || reading.ListsToRestore is not null);
        if (await _replacer.TryReplaceAsync(reading.Bytes, content, keepGeneration, cancellationToken) is not { } replaced)
        {
            return null;
        }
        var snapshot = Remember(after, content, replaced.Version);
        if (reading.ListsToRestore is not { } restored)
        {
            return snapshot;
        }
        var names = restored.Select(l => l.Name).ToList();
        LogListsRestored(FilePath, names, replaced.Generation!);
        return snapshot with { Restoration = new ListsRestored(names, replaced.Generation!, _time.GetUtcNow()) };
    }

    private async Task<PresetsSnapshot> RestoreAsync(PresetsReading found, CancellationToken cancellationToken)
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

    private PresetsSnapshot Usable(PresetsReading reading) =>
        reading.Seen ? Remember(reading.Document!, reading.Bytes!, reading.Version) : SnapshotOf(reading.Document!, reading.Version);

    private PresetsSnapshot Remember(PresetsDocument document, byte[] bytes, string version)
    {
        _reader.Remember(document, bytes);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Presets file is malformed and is not used or overwritten until fixed: {Error}")]
    private partial void LogMalformed(string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Presets file cannot be used and is not written until it is back: {Error}")]
    private partial void LogUnusable(string error);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{FilePath} was saved by another program without its monitoring lists (the Python tool drops keys it does not know); "
            + "put back {ListNames}; the file as found is kept in {BackupPath}")]
    private partial void LogListsRestored(string filePath, IReadOnlyList<string> listNames, string backupPath);

    [LoggerMessage(Level = LogLevel.Error, Message = "Putting the monitoring lists back into {FilePath} failed; nothing runs until they are back")]
    private partial void LogRestoreFailed(Exception exception, string filePath);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "File locking is disabled in this process (System.IO.DisableFileLocking); writes to {FilePath} are not kept apart from other programs' writes")]
    private partial void LogLockingDisabled(string filePath);
}

/// <summary>The snapshot after an add, and the list as stored (with its generated id).</summary>
public sealed record ListSaveResult(PresetsSnapshot Snapshot, MonitoringList List);
