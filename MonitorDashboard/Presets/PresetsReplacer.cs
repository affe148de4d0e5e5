namespace MonitorDashboard.Presets;

/// <summary>What a replace wrote: the file's new version, and the backup generation it kept of the old content (if any).</summary>
internal sealed record PresetsReplaced(string Version, string? Generation);

/// <summary>
/// Replaces presets.json atomically for <see cref="PresetsStore"/>, which holds the lock file: the new content goes to a
/// temp file in the same folder, flushed to disk; the old content is kept in presets.json.bak (and, when asked, as a
/// backup generation); the temp file is renamed over presets.json only if the file still holds the old content, so a
/// program that takes no lock does not lose its change. A failed or refused replace leaves no temp file behind.
/// </summary>
internal sealed partial class PresetsReplacer(string filePath, string backupPath, PresetsFileSystem files, PresetsBackups backups, ILogger logger)
{
    /// <summary>Writes <paramref name="content"/> unless the file no longer holds <paramref name="previous"/>; null when it does not.</summary>
    /// <param name="previous">The content read before the change; null when there was no file.</param>
    /// <param name="keepGeneration">Keep <paramref name="previous"/> as a backup generation too (user-made changes).</param>
    public async Task<PresetsReplaced?> TryReplaceAsync(byte[]? previous, byte[] content, bool keepGeneration, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetDirectoryName(filePath)!, $".{Path.GetFileName(filePath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await files.WriteNewAsync(temp, content, cancellationToken);
            string? generation = null;
            if (previous is not null)
            {
                if (keepGeneration)
                {
                    generation = await backups.KeepAsync(previous, prune: true, cancellationToken);
                }
                await files.WriteAsync(backupPath, previous, cancellationToken);
            }
            if (!await files.ReplaceIfUnchangedAsync(temp, filePath, previous, cancellationToken))
            {
                TryDelete(temp);
                return null;
            }
            // Renamed: the write has happened, so nothing after this may make it look cancelled or failed.
            var version = PresetsReading.VersionOf(content);
            LogSaved(filePath, version);
            await KeepLatestAsync(content);
            return new PresetsReplaced(version, generation);
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
            await backups.KeepLatestAsync(content, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogCopyFailed(ex, filePath, backups.LatestPath);
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                files.Delete(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogTempLeft(ex, path);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Saved {FilePath} (version {Version})")]
    private partial void LogSaved(string filePath, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not keep a copy of the last version of {FilePath} in {BackupPath}")]
    private partial void LogCopyFailed(Exception exception, string filePath, string backupPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove the temporary file {TempPath}")]
    private partial void LogTempLeft(Exception exception, string tempPath);
}
