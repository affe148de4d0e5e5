namespace MonitorDashboard.Presets;

/// <summary>Where presets.json lives. Bound from <c>PRESETS_FILE_PATH</c>; relative paths are resolved against the content root.</summary>
public sealed class PresetsOptions
{
    public const string FilePathKey = "PRESETS_FILE_PATH";

    public string FilePath { get; set; } = "presets.json";

    /// <summary>How often the watcher compares the file stamp, as a fallback for missed file-system events.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Quiet time after the last file-system event before the file is re-read (editors write in bursts).</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(250);

    public string ResolvePath(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, FilePath));
}
