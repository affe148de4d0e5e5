using Microsoft.Extensions.Options;

namespace MonitorDashboard.Cron;

internal sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var errors = new List<string>();
        if (options.MinimumInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add($"Monitoring:MinimumInterval: {options.MinimumInterval} is shorter than one second");
        }
        if (!IanaTimeZones.TryFind(options.TimeZone, out _))
        {
            errors.Add($"Monitoring:TimeZone: \"{options.TimeZone}\" is not a known IANA time zone (e.g. Europe/Berlin)");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
