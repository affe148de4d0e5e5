using Microsoft.Extensions.Options;
using MonitorDashboard.Cron;

namespace MonitorDashboard.Presets;

public static class PresetsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the presets store, its validator and the file watcher. <c>PRESETS_FILE_PATH</c> (the Python tool's
    /// variable) sets the file; a relative path is resolved against the content root. The <c>Presets</c> section
    /// holds the lock timeout, the number of backup generations and the watcher's timings.
    /// </summary>
    public static IHostApplicationBuilder AddPresets(this IHostApplicationBuilder builder)
    {
        builder.AddScheduleOptions();
        builder.Services.AddOptions<PresetsOptions>()
            .Bind(builder.Configuration.GetSection(PresetsOptions.SectionName))
            .Configure<IConfiguration, IHostEnvironment>((options, configuration, environment) =>
            {
                if (configuration[PresetsOptions.FilePathKey] is { Length: > 0 } path)
                {
                    options.FilePath = path;
                }
                options.FilePath = options.ResolvePath(environment.ContentRootPath);
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PresetsOptions>, PresetsOptionsValidator>();
        builder.Services.AddSingleton<MonitoringListValidator>();
        builder.Services.AddSingleton<PresetsStore>();
        builder.Services.AddSingleton<PresetsWatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PresetsWatcher>());
        return builder;
    }
}
