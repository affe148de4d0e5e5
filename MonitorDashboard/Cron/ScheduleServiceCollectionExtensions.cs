using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Cron;

public static class ScheduleServiceCollectionExtensions
{
    /// <summary>The shared scheduling rules (<see cref="ScheduleOptions"/>), validated at start-up; safe to call more than once.</summary>
    public static IHostApplicationBuilder AddScheduleOptions(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<ScheduleOptions>)))
        {
            return builder;
        }
        services.AddOptions<ScheduleOptions>().Bind(builder.Configuration.GetSection(ScheduleOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>());
        return builder;
    }
}
