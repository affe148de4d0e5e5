using Microsoft.Extensions.Options;

namespace MonitorDashboard.Presets;

/// <summary>
/// Hosted service that loads presets.json at start-up and reloads it when someone else changes it (editor, CLI,
/// Python tool), so subscribers of <see cref="PresetsStore"/> see the change within about a second. Watches the
/// folder rather than the file because editors replace files (write a temp file, rename it over the original),
/// debounces bursts of events, and polls the file stamp as a fallback for missed events (network shares, Docker
/// bind mounts), so a deleted file is noticed within one poll interval. A broken, vanished or unreadable file is
/// reported by the store (an error snapshot) and picked up again once it is back; states that no file stamp reveals
/// the end of (permissions restored, lists not yet put back) are looked at again at every poll.
/// </summary>
public sealed partial class PresetsWatcher(
    PresetsStore store, IOptions<PresetsOptions> options, TimeProvider time, ILogger<PresetsWatcher> logger) : IHostedService, IDisposable
{
    private readonly PresetsOptions _settings = options.Value;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private FileSystemWatcher? _watcher;
    private ITimer? _debounce;
    private ITimer? _poll;
    private FileStamp _stamp;
    private volatile bool _reloadOnNextPoll;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _stamp = FileStamp.Of(store.FilePath);
        await store.LoadAsync(cancellationToken);
        _debounce = time.CreateTimer(_ => _ = ReloadAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _poll = time.CreateTimer(_ => Poll(), null, _settings.PollInterval, _settings.PollInterval);
        StartFileSystemWatcher();
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        _watcher?.Dispose();
        _debounce?.Dispose();
        _poll?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        // Registered both as itself and as a hosted service, so the container disposes it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _stopping.Cancel();
        _watcher?.Dispose();
        _debounce?.Dispose();
        _poll?.Dispose();
        _stopping.Dispose();
    }

    private void StartFileSystemWatcher()
    {
        var folder = Path.GetDirectoryName(store.FilePath)!;
        if (!Directory.Exists(folder))
        {
            LogPollingOnly(folder);
            return;
        }
        _watcher = new FileSystemWatcher(folder)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            IncludeSubdirectories = false,
        };
        var name = Path.GetFileName(store.FilePath);
        FileSystemEventHandler onChange = (_, e) => Poke(e.Name, name);
        _watcher.Changed += onChange;
        _watcher.Created += onChange;
        _watcher.Deleted += onChange;
        _watcher.Renamed += (_, e) =>
        {
            Poke(e.Name, name);
            Poke(e.OldName, name);
        };
        _watcher.Error += (_, e) =>
        {
            LogWatcherError(e.GetException());
            _debounce?.Change(_settings.Debounce, Timeout.InfiniteTimeSpan);
        };
        _watcher.EnableRaisingEvents = true;
    }

    // Each event restarts the quiet period, so a burst of writes causes one reload.
    private void Poke(string? changed, string name)
    {
        if (string.Equals(changed, name, StringComparison.OrdinalIgnoreCase))
        {
            _debounce?.Change(_settings.Debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void Poll()
    {
        if (_reloadGate.CurrentCount == 0)
        {
            return; // a reload is under way (it may be waiting for the lock file); no need to queue another
        }
        if (_reloadOnNextPoll || FileStamp.Of(store.FilePath) != _stamp)
        {
            _ = ReloadAsync();
        }
    }

    private async Task ReloadAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }
        try
        {
            await _reloadGate.WaitAsync(_stopping.Token);
            try
            {
                _stamp = FileStamp.Of(store.FilePath);
                _reloadOnNextPoll = false;
                var snapshot = await store.LoadAsync(_stopping.Token);
                _reloadOnNextPoll = snapshot.FileError?.Problem is PresetsFileProblem.Unreadable or PresetsFileProblem.ListsNotRestored;
            }
            finally
            {
                _reloadGate.Release();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // shutting down
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The store turns the file's own read errors into an error snapshot; anything else is tried again at the next poll.
            LogReloadFailed(ex, store.FilePath);
            _reloadOnNextPoll = true;
        }
    }

    private readonly record struct FileStamp(bool Exists, long Length, DateTime LastWriteUtc)
    {
        public static FileStamp Of(string path)
        {
            var info = new FileInfo(path);
            return info.Exists ? new FileStamp(true, info.Length, info.LastWriteTimeUtc) : new FileStamp(false, 0, default);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Folder {Folder} does not exist yet; watching presets by polling only")]
    private partial void LogPollingOnly(string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The presets file watcher reported an error; reloading")]
    private partial void LogWatcherError(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reloading {FilePath} failed; will retry")]
    private partial void LogReloadFailed(Exception exception, string filePath);
}
