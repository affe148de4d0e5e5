using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Tests.Presets;

/// <summary>A private temp folder with a presets.json path and a store on it; deleted on dispose.</summary>
internal sealed class TempPresetsFolder : IDisposable
{
    public TempPresetsFolder(TimeProvider? time = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "md-presets-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "presets.json");
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero));
        Options = Microsoft.Extensions.Options.Options.Create(new PresetsOptions { FilePath = FilePath });
        Validator = CreateValidator(Time);
        Store = new PresetsStore(Options, Validator, Time, NullLogger<PresetsStore>.Instance);
    }

    public string Folder { get; }

    public string FilePath { get; }

    public TimeProvider Time { get; }

    public IOptions<PresetsOptions> Options { get; }

    public MonitoringListValidator Validator { get; }

    public PresetsStore Store { get; }

    public static MonitoringListValidator CreateValidator(TimeProvider time, MonitoringOptions? options = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options ?? new MonitoringOptions()), time);

    public void Write(string content) => File.WriteAllText(FilePath, content);

    public string Read() => File.ReadAllText(FilePath);

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a watcher may still hold the folder for a moment; the OS temp cleaner gets it
        }
    }
}
