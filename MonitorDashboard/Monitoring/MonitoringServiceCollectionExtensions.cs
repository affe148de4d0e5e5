using Coravel;
using Microsoft.Extensions.Options;
using MonitorDashboard.Cron;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Notices;
using MonitorDashboard.Monitoring.Proposals;
using MonitorDashboard.Monitoring.Scheduling;
using MonitorDashboard.Monitoring.State;

namespace MonitorDashboard.Monitoring;

public static partial class MonitoringServiceCollectionExtensions
{
    /// <summary>The check pipeline and the state service: shared by the dashboard and the CLI's <c>monitor run</c>.</summary>
    public static IHostApplicationBuilder AddMonitoringChecks(this IHostApplicationBuilder builder)
    {
        builder.AddMonitoringOptions();
        builder.Services.AddSingleton<MonitorState>();
        builder.Services.AddSingleton<AdminNoticeQueue>();
        builder.Services.AddSingleton<AdminNoticeSender>();
        builder.Services.AddSingleton<AdminNotifier>();
        // The command line registers its own owner ("monitor run") before this.
        builder.Services.TryAddSingleton(_ => LeaseOwner.ForCurrentProcess("MonitorDashboard"));
        builder.Services.AddSingleton<ListLeases>();
        builder.Services.AddSingleton<RunRecorder>();
        builder.Services.AddSingleton<RunTracker>();
        builder.Services.AddSingleton<LastHashWrites>();
        builder.Services.AddSingleton<UnsavedHashes>();
        builder.Services.AddSingleton<ListCheck>();
        builder.Services.AddSingleton<CheckThreads>();
        builder.Services.AddSingleton<CheckRunner>();
        builder.Services.AddTransient<RunProposals>();
        // Transient like the InvenTree clients they use; the lock that keeps drafting one at a time is the singleton.
        builder.Services.AddSingleton<DraftingLock>();
        builder.Services.AddTransient<DraftRecovery>();
        builder.Services.AddTransient<DraftOrders>();
        return builder;
    }

    /// <summary>The <c>Monitoring</c> section (and the scheduling rules it shares), validated at start-up; safe to call more than once.</summary>
    public static IHostApplicationBuilder AddMonitoringOptions(this IHostApplicationBuilder builder)
    {
        builder.AddScheduleOptions();
        if (builder.Services.Any(d => d.ServiceType == typeof(IValidateOptions<MonitoringOptions>)))
        {
            return builder;
        }
        builder.Services.AddOptions<MonitoringOptions>().Bind(builder.Configuration.GetSection(MonitoringOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MonitoringOptions>, MonitoringOptionsValidator>();
        return builder;
    }

    /// <summary>The scheduler: Coravel ticks the dispatcher every second; Cronos makes every due-time decision.</summary>
    public static IHostApplicationBuilder AddMonitoringEngine(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ScheduleStates>();
        builder.Services.AddSingleton<PresetsProblems>();
        builder.Services.AddSingleton<InterruptedRunDetector>();
        builder.Services.AddSingleton<MissedRunRecorder>();
        builder.Services.AddSingleton<DeferredWrites>();
        builder.Services.AddSingleton<MonitorDispatcher>();
        builder.Services.AddSingleton<MonitoringEngine>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MonitoringEngine>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AdminNoticeSender>());
        builder.Services.AddHostedService<BurstMemory>();
        builder.Services.AddTransient<DispatcherTick>();
        builder.Services.AddScheduler();
        return builder;
    }

    public static IServiceProvider UseMonitoringEngine(this IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILogger<DispatcherTick>>();
        services.UseScheduler(scheduler => scheduler
                .Schedule<DispatcherTick>()
                .EverySecond()
                .PreventOverlapping(nameof(DispatcherTick)))
            .OnError(ex => LogTickFailed(logger, ex));
        return services;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduler's tick failed")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
