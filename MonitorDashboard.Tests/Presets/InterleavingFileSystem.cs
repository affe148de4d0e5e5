using MonitorDashboard.Presets;

namespace MonitorDashboard.Tests.Presets;

/// <summary>
/// Real files, with two ways in for a test: act as another program right before the store's final compare-and-rename
/// (after it read the file and wrote its temp file), and make reading presets.json fail as a broken disk would.
/// </summary>
internal sealed class InterleavingFileSystem(string presetsPath) : PresetsFileSystem
{
    private Func<string, Task>? _beforeReplace;

    /// <summary>Runs once, with the temp file's path, at the next replace; then is cleared.</summary>
    public void OnceBeforeReplace(Func<string, Task> action) => _beforeReplace = action;

    /// <summary>Runs before every replace until cleared.</summary>
    public Func<string, Task>? EveryReplace { get; set; }

    /// <summary>While set, reading presets.json throws this.</summary>
    public Exception? ReadFailure { get; set; }

    public override Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken) =>
        ReadFailure is { } failure && path == presetsPath ? Task.FromException<byte[]?>(failure) : base.ReadAsync(path, cancellationToken);

    public override async Task<bool> ReplaceIfUnchangedAsync(string source, string target, byte[]? expected, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _beforeReplace, null) is { } once)
        {
            await once(source);
        }
        if (EveryReplace is { } every)
        {
            await every(source);
        }
        return await base.ReplaceIfUnchangedAsync(source, target, expected, cancellationToken);
    }
}
