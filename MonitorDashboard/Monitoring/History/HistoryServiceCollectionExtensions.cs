using Microsoft.Extensions.Options;

namespace MonitorDashboard.Monitoring.History;

public static class HistoryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the run history (<see cref="IRunStore"/> and <see cref="IListStateStore"/>, both the one singleton
    /// <see cref="SqliteRunHistory"/>; the leases; the drafted orders, <see cref="IDraftOrderStore"/>) with its
    /// options from the "History" section; a relative <c>History:DatabasePath</c> is resolved against the content root.
    /// Retention comes from <c>Monitoring:HistoryRetention</c> (bound by <c>AddPresets</c>).
    /// </summary>
    public static IHostApplicationBuilder AddRunHistory(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HistoryOptions>()
            .Bind(builder.Configuration.GetSection(HistoryOptions.SectionName))
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                // An empty path stays empty so the validator can name it instead of it becoming the content root.
                if (!string.IsNullOrWhiteSpace(options.DatabasePath))
                {
                    options.DatabasePath = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.DatabasePath));
                }
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<HistoryOptions>, HistoryOptionsValidator>();
        builder.AddMonitoringOptions();
        // One database object shared by the history and the leases: one pool, one migration, one place that disposes it.
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<HistoryOptions>>().Value;
            return new HistoryDatabase(options.DatabasePath, HistorySchema.Migrations, sp.GetRequiredService<ILogger<HistoryDatabase>>(), options.BusyTimeout);
        });
        builder.Services.AddSingleton(sp => new SqliteRunHistory(sp.GetRequiredService<HistoryDatabase>(), Retention(sp)));
        builder.Services.AddSingleton<IRunStore>(sp => sp.GetRequiredService<SqliteRunHistory>());
        builder.Services.AddSingleton<IListStateStore>(sp => sp.GetRequiredService<SqliteRunHistory>());
        builder.Services.AddSingleton<IRunLeases>(sp => new SqliteRunLeases(sp.GetRequiredService<HistoryDatabase>(), Retention(sp)));
        builder.Services.AddSingleton<IDraftOrderStore>(sp => new SqliteDraftOrders(sp.GetRequiredService<HistoryDatabase>()));
        builder.Services.AddSingleton<PendingRuns>();
        return builder;
    }

    private static Func<int> Retention(IServiceProvider services)
    {
        var monitoring = services.GetRequiredService<IOptionsMonitor<MonitoringOptions>>();
        return () => monitoring.CurrentValue.HistoryRetention;
    }
}
