using Microsoft.Extensions.Options;

namespace MonitorDashboard.Monitoring;

internal sealed class MonitoringOptionsValidator : IValidateOptions<MonitoringOptions>
{
    public ValidateOptionsResult Validate(string? name, MonitoringOptions options)
    {
        var errors = new List<string>();
        if (options.MaxConcurrentChecks is < 1 or > 64)
        {
            errors.Add($"Monitoring:MaxConcurrentChecks: {options.MaxConcurrentChecks} is outside 1–64");
        }
        if (options.MisfireGrace < TimeSpan.Zero)
        {
            errors.Add($"Monitoring:MisfireGrace: {options.MisfireGrace} must not be negative");
        }
        if (options.HistoryRetention < 1)
        {
            errors.Add($"Monitoring:HistoryRetention: {options.HistoryRetention} must be at least 1");
        }
        if (options.CheckTimeout < TimeSpan.FromSeconds(1) || options.CheckTimeout > TimeSpan.FromHours(1))
        {
            errors.Add($"Monitoring:CheckTimeout: {options.CheckTimeout} is outside 00:00:01–01:00:00");
        }
        if (options.RunLease < TimeSpan.FromSeconds(3))
        {
            errors.Add($"Monitoring:RunLease: {options.RunLease} is shorter than three seconds");
        }
        if (options.StopGrace < TimeSpan.Zero || options.StopGrace > TimeSpan.FromSeconds(20))
        {
            errors.Add($"Monitoring:StopGrace: {options.StopGrace} is outside 00:00:00–00:00:20 (the host allows 30 s to stop)");
        }
        if (options.LastHashWriteInterval < TimeSpan.Zero || options.LastHashWriteInterval > TimeSpan.FromMinutes(1))
        {
            errors.Add($"Monitoring:LastHashWriteInterval: {options.LastHashWriteInterval} is outside 00:00:00–00:01:00");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
