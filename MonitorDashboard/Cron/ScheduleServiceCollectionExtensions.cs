using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Cron;

public static class ScheduleServiceCollectionExtensions
{
    /// <summary>The shared scheduling rules (<see cref="ScheduleOptions"/>), validated at start-up; safe to call more than once.</summary>
    public static IServiceCollection AddScheduleOptions(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<ScheduleOptions>)))
        {
            return services;
        }
        services.AddOptions<ScheduleOptions>().Bind(configuration.GetSection(ScheduleOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>());
        return services;
    }
}
