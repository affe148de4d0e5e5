using MonitorDashboard.Cron;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Tests.Presets;

/// <summary>A private temp folder with a presets.json path and a store on it; deleted on dispose.</summary>
internal sealed partial class TempPresetsFolder : IDisposable
{
    private readonly List<PresetsStore> _stores = [];

    /// <param name="configure">Changes to the default <see cref="PresetsOptions"/> (the file path is set here).</param>
    /// <param name="files">The store's disk operations; real files unless a test needs to act between them.</param>
    public TempPresetsFolder(
        TimeProvider? time = null, Action<PresetsOptions>? configure = null, PresetsFileSystem? files = null, ILogger<PresetsStore>? logger = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "md-presets-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "presets.json");
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero));
        var settings = new PresetsOptions { FilePath = FilePath };
        configure?.Invoke(settings);
        Options = Microsoft.Extensions.Options.Options.Create(settings);
        Validator = CreateValidator(Time);
        Store = NewStore(files, logger);
    }

    public string Folder { get; }

    public string FilePath { get; }

    public string BackupFolder => FilePath + ".backups";

    public TimeProvider Time { get; }

    public IOptions<PresetsOptions> Options { get; }

    public MonitoringListValidator Validator { get; }

    public PresetsStore Store { get; }

    public static MonitoringListValidator CreateValidator(TimeProvider time, ScheduleOptions? options = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options ?? new ScheduleOptions()), time);

    /// <summary>Another store on the same file, as a freshly started process (or a second app) would have.</summary>
    public PresetsStore NewStore(PresetsFileSystem? files = null, ILogger<PresetsStore>? logger = null)
    {
        var store = new PresetsStore(Options, Validator, Time, logger ?? NullLogger<PresetsStore>.Instance, files ?? new PresetsFileSystem());
        _stores.Add(store);
        return store;
    }

    public void Write(string content) => File.WriteAllText(FilePath, content);

    public string Read() => File.ReadAllText(FilePath);

    /// <summary>The backup generations, oldest first.</summary>
    public string[] Generations() => Directory.Exists(BackupFolder)
        ? [.. Directory.GetFiles(BackupFolder).Where(f => GenerationName().IsMatch(Path.GetFileName(f))).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>The last version the app wrote, kept in the backup folder.</summary>
    public string LatestPath => Path.Combine(BackupFolder, "presets.latest.json");

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a watcher may still hold the folder for a moment; the OS temp cleaner gets it
        }
    }

    [GeneratedRegex(@"^presets\.\d{8}T\d{9}Z\.json$")]
    private static partial Regex GenerationName();
}
