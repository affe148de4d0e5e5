using Microsoft.Extensions.Options;

namespace MonitorDashboard.Presets;

internal sealed class PresetsOptionsValidator : IValidateOptions<PresetsOptions>
{
    private static readonly TimeSpan LongestLockWait = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, PresetsOptions options)
    {
        var errors = new List<string>();
        if (options.LockTimeout <= TimeSpan.Zero || options.LockTimeout > LongestLockWait)
        {
            errors.Add($"Presets:LockTimeout: {options.LockTimeout} must be more than zero and at most {LongestLockWait}");
        }
        if (options.BackupGenerations is < 1 or > 1000)
        {
            errors.Add($"Presets:BackupGenerations: {options.BackupGenerations} is outside 1–1000");
        }
        if (options.PollInterval <= TimeSpan.Zero)
        {
            errors.Add($"Presets:PollInterval: {options.PollInterval} must be more than zero");
        }
        if (options.Debounce < TimeSpan.Zero)
        {
            errors.Add($"Presets:Debounce: {options.Debounce} must not be negative");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
