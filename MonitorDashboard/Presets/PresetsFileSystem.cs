namespace MonitorDashboard.Presets;

/// <summary>
/// The disk operations of <see cref="PresetsStore"/> (its reader and replacer) and <see cref="PresetsBackups"/> on real files. Overridable so a
/// test can be another program at the worst moment (a write between our read and our rename) or make a step fail.
/// </summary>
internal class PresetsFileSystem
{
    /// <summary>The whole file, or null when it (or its folder) does not exist.</summary>
    public virtual async Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Creates <paramref name="path"/> (it must not exist) and flushes it to disk before returning.</summary>
    public virtual async Task WriteNewAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
        await stream.WriteAsync(content, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        stream.Flush(flushToDisk: true);
    }

    public virtual Task WriteAsync(string path, byte[] content, CancellationToken cancellationToken) =>
        File.WriteAllBytesAsync(path, content, cancellationToken);

    /// <summary>
    /// Renames <paramref name="source"/> over <paramref name="target"/> only if the target still holds
    /// <paramref name="expected"/> (null: still does not exist), read again right before the rename. Returns false,
    /// leaving both files alone, when someone changed the target meanwhile. rename(2) is atomic: readers see the old
    /// file or the new one. A writer that takes no lock could still slip in between this read and the rename; that
    /// window is as short as it can be made.
    /// </summary>
    public virtual async Task<bool> ReplaceIfUnchangedAsync(string source, string target, byte[]? expected, CancellationToken cancellationToken)
    {
        var current = await ReadAsync(target, cancellationToken);
        if (current is null ? expected is not null : expected is null || !current.AsSpan().SequenceEqual(expected))
        {
            return false;
        }
        File.Move(source, target, overwrite: true);
        return true;
    }

    /// <summary>Renames <paramref name="source"/> to <paramref name="target"/>; false when the target already exists.</summary>
    public virtual bool TryMoveNew(string source, string target)
    {
        try
        {
            File.Move(source, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            return false;
        }
    }

    public virtual void Delete(string path) => File.Delete(path);
}
