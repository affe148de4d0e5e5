using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Presets;

/// <summary>
/// The single owner of presets.json. Reads give a <see cref="PresetsSnapshot"/> with a version token; writes are
/// optimistic (refused when the file changed since that version), validated, atomic (temp file in the same folder,
/// flushed to disk, renamed over the original, previous content kept in presets.json.bak), serialised in-process,
/// and never touch a file that is not valid JSON or has the wrong shape.
/// </summary>
public sealed partial class PresetsStore : IDisposable
{
    private readonly MonitoringListValidator validator;
    private readonly TimeProvider time;
    private readonly ILogger<PresetsStore> logger;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly PresetsSubscribers subscribers;

    public PresetsStore(IOptions<PresetsOptions> options, MonitoringListValidator validator, TimeProvider time, ILogger<PresetsStore> logger)
    {
        FilePath = Path.GetFullPath(options.Value.FilePath);
        this.validator = validator;
        this.time = time;
        this.logger = logger;
        subscribers = new PresetsSubscribers(logger);
    }

    public string FilePath { get; }

    public string BackupPath => FilePath + ".bak";

    /// <summary>The latest snapshot read or written by this store; null before the first load.</summary>
    public PresetsSnapshot? Current => subscribers.Last;

    /// <summary>Test seam: runs after the temp file is written and flushed, before it is renamed over presets.json.</summary>
    internal Func<string, Task>? BeforeReplace { get; set; }

    /// <summary>Calls <paramref name="onChanged"/> whenever a load or save yields a different file version (or file error).</summary>
    public IDisposable Subscribe(Action<PresetsSnapshot> onChanged) => subscribers.Add(onChanged);

    /// <summary>Reads the file. A missing or empty file is an empty document; a malformed one is reported, not thrown.</summary>
    public async Task<PresetsSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        PresetsSnapshot snapshot;
        await gate.WaitAsync(cancellationToken);
        try
        {
            var (bytes, version) = await ReadAsync(cancellationToken);
            snapshot = BuildSnapshot(bytes, version);
        }
        finally
        {
            gate.Release();
        }
        if (snapshot.FileError is { } error && subscribers.Last?.Version != snapshot.Version)
        {
            LogMalformed(error.ToString());
        }
        subscribers.Publish(snapshot);
        return snapshot;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the document on disk and writes it. Refused with
    /// <see cref="PresetsConflictException"/> when the file is no longer <paramref name="expectedVersion"/>,
    /// <see cref="PresetsFileException"/> when it is malformed, and <see cref="PresetsValidationException"/>
    /// when a list the change added or modified is invalid (lists it did not touch may stay invalid).
    /// </summary>
    public Task<PresetsSnapshot> SaveAsync(Func<PresetsDocument, PresetsDocument> change, string expectedVersion, CancellationToken cancellationToken) =>
        WriteAsync(change, expectedVersion, ValidationMode.Strict, cancellationToken);

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
        WriteAsync(doc => ReplaceList(doc, listId, l => l with { Active = active }), expectedVersion, ValidationMode.NoNewErrors, cancellationToken);

    /// <summary>
    /// Records the hash of the report just accepted for delivery: a fresh read-modify-write of only that field,
    /// without a version check (the engine holds no snapshot to compare), but never on a malformed file.
    /// </summary>
    public Task<PresetsSnapshot> SetLastHashAsync(string listId, string? hash, CancellationToken cancellationToken) =>
        WriteAsync(doc => ReplaceList(doc, listId, l => l with { LastHash = hash }), null, ValidationMode.None, cancellationToken);

    public void Dispose() => gate.Dispose();

    private enum ValidationMode { Strict, NoNewErrors, None }

    private async Task<PresetsSnapshot> WriteAsync(
        Func<PresetsDocument, PresetsDocument> change, string? expectedVersion, ValidationMode mode, CancellationToken cancellationToken)
    {
        PresetsSnapshot snapshot;
        await gate.WaitAsync(cancellationToken);
        try
        {
            var (bytes, version) = await ReadAsync(cancellationToken);
            if (expectedVersion is not null && !string.Equals(version, expectedVersion, StringComparison.Ordinal))
            {
                throw new PresetsConflictException();
            }
            var (before, fileError, _, _) = PresetsJson.Read(FilePath, bytes ?? []);
            if (before is null)
            {
                throw new PresetsFileException(fileError!);
            }
            var after = change(before);
            RefuseInvalid(before, after, mode);
            var newBytes = PresetsJson.Write(after);
            await ReplaceFileAsync(bytes, newBytes, cancellationToken);
            snapshot = BuildSnapshot(newBytes, Hash(newBytes));
        }
        finally
        {
            gate.Release();
        }
        LogSaved(FilePath, snapshot.Version);
        subscribers.Publish(snapshot);
        return snapshot;
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
        var results = validator.ValidateAll(after.MonitoringLists, touched);
        var previous = validator.ValidateAll(before.MonitoringLists);
        var errors = results.Where(r => touched.Contains(r.Index)).SelectMany(r => r.Errors.Where(e =>
                mode == ValidationMode.Strict
                || !previous.Any(p => SameId(p.ListId, r.ListId) && p.Errors.Any(old => old.Detail == e.Detail))))
            .ToList();
        if (errors.Count > 0)
        {
            throw new PresetsValidationException(errors);
        }
    }

    private async Task ReplaceFileAsync(byte[]? previous, byte[] content, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(FilePath)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(FilePath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await stream.WriteAsync(content, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }
            if (BeforeReplace is not null)
            {
                await BeforeReplace(temp);
            }
            if (previous is not null)
            {
                await File.WriteAllBytesAsync(BackupPath, previous, cancellationToken);
            }
            // rename(2) over the target: readers see the old file or the new one, never a half-written one.
            File.Move(temp, FilePath, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private async Task<(byte[]? Bytes, string Version)> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await File.ReadAllBytesAsync(FilePath, cancellationToken);
            return (bytes, Hash(bytes));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, PresetsSnapshot.MissingFileVersion);
        }
    }

    private PresetsSnapshot BuildSnapshot(byte[]? bytes, string version)
    {
        var (document, error, _, _) = PresetsJson.Read(FilePath, bytes ?? []);
        var validation = document is null ? [] : validator.ValidateAll(document.MonitoringLists);
        return new PresetsSnapshot(FilePath, version, document ?? PresetsDocument.Empty, error, validation, time.GetUtcNow());
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
            File.Delete(path);
        }
        catch (IOException ex)
        {
            LogTempLeft(ex, path);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Presets file is malformed and is not used or overwritten until fixed: {Error}")]
    private partial void LogMalformed(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Saved {FilePath} (version {Version})")]
    private partial void LogSaved(string filePath, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove the temporary file {TempPath}")]
    private partial void LogTempLeft(Exception exception, string tempPath);
}

/// <summary>The snapshot after an add, and the list as stored (with its generated id).</summary>
public sealed record ListSaveResult(PresetsSnapshot Snapshot, MonitoringList List);
