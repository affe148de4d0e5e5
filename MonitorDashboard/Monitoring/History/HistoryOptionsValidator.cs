using Microsoft.Extensions.Options;

namespace MonitorDashboard.Monitoring.History;

internal sealed class HistoryOptionsValidator : IValidateOptions<HistoryOptions>
{
    public ValidateOptionsResult Validate(string? name, HistoryOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            errors.Add("History:DatabasePath must not be empty");
        }
        else if (options.DatabasePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            errors.Add($"History:DatabasePath: \"{options.DatabasePath}\" is not a valid path");
        }
        if (options.BusyTimeout < TimeSpan.Zero || options.BusyTimeout > TimeSpan.FromMinutes(1))
        {
            errors.Add($"History:BusyTimeout: {options.BusyTimeout} is outside 00:00:00–00:01:00");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
