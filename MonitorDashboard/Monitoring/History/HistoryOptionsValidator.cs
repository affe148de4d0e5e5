using Microsoft.Extensions.Options;

namespace MonitorDashboard.Monitoring.History;

internal sealed class HistoryOptionsValidator : IValidateOptions<HistoryOptions>
{
    public ValidateOptionsResult Validate(string? name, HistoryOptions options) =>
        string.IsNullOrWhiteSpace(options.DatabasePath)
            ? ValidateOptionsResult.Fail("History:DatabasePath must not be empty")
            : options.DatabasePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0
                ? ValidateOptionsResult.Fail($"History:DatabasePath: \"{options.DatabasePath}\" is not a valid path")
                : ValidateOptionsResult.Success;
}
