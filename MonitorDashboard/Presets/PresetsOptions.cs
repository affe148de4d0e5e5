namespace MonitorDashboard.Presets;

/// <summary>
/// Where presets.json lives and how it is written. <see cref="FilePath"/> comes from <c>PRESETS_FILE_PATH</c>
/// (relative paths are resolved against the content root); the rest from the <c>Presets</c> section.
/// </summary>
public sealed class PresetsOptions
{
    public const string SectionName = "Presets";

    public const string FilePathKey = "PRESETS_FILE_PATH";

    public string FilePath { get; set; } = "presets.json";

    /// <summary>How often the watcher compares the file stamp, as a fallback for missed file-system events.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Quiet time after the last file-system event before the file is re-read (editors write in bursts).</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a write waits for another program to release <c>presets.json.lock</c> before it gives up.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many earlier versions of the file (one per user-made change) the backup folder keeps.</summary>
    public int BackupGenerations { get; set; } = 10;

    public string ResolvePath(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, FilePath));
}
