namespace MonitorDashboard.Benchmarks.Scale;

/// <summary>
/// Counts the times presets.json is replaced. The store writes it atomically (a temp file in the same folder renamed
/// over it), so one write is one rename onto presets.json; the backup and temp files are not counted.
/// </summary>
internal sealed class PresetsWriteCounter : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly string _name;
    private int _writes;
    private int _overflows;

    public PresetsWriteCounter(string presetsPath)
    {
        _name = Path.GetFileName(presetsPath);
        // A larger buffer than the default 8 kB: a burst also renames outbox files, but in another folder, and the
        // temp and backup files of presets.json come and go beside it.
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(presetsPath)!)
        {
            NotifyFilter = NotifyFilters.FileName,
            InternalBufferSize = 64 * 1024,
            IncludeSubdirectories = false,
        };
        _watcher.Renamed += (_, e) =>
        {
            if (string.Equals(e.Name, _name, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _writes);
            }
        };
        _watcher.Error += (_, _) => Interlocked.Increment(ref _overflows);
        _watcher.EnableRaisingEvents = true;
    }

    public int Writes => Volatile.Read(ref _writes);

    /// <summary>True when the watcher lost events (its buffer overflowed): the count is then a lower bound.</summary>
    public bool LostEvents => Volatile.Read(ref _overflows) > 0;

    public void Dispose() => _watcher.Dispose();
}
