using Microsoft.Extensions.Options;

namespace MonitorDashboard.Monitoring.Health;

/// <summary>Every problem of the <c>Health</c> section at once, each naming its key. Never echoes the token.</summary>
internal sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public static readonly TimeSpan MaxCacheDuration = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, HealthOptions options)
    {
        var errors = new List<string>();
        var key = $"{HealthOptions.SectionName}:Token";
        if (options.Token is { Length: > 0 } token)
        {
            if (token.Length < HealthOptions.MinimumTokenLength)
            {
                errors.Add($"{key}: must be at least {HealthOptions.MinimumTokenLength} characters long (it has {token.Length}); "
                    + "use a long random string, e.g. from: openssl rand -hex 32");
            }
            else if (token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c > '\x7e'))
            {
                // It travels in an HTTP header, where spaces are trimmed and non-ASCII is not portable.
                errors.Add($"{key}: must be printable ASCII without spaces (it is sent as \"Authorization: Bearer <token>\")");
            }
        }
        if (options.AnonymousCacheDuration < TimeSpan.FromSeconds(1) || options.AnonymousCacheDuration > MaxCacheDuration)
        {
            errors.Add($"{HealthOptions.SectionName}:AnonymousCacheDuration: {options.AnonymousCacheDuration} must be between 00:00:01 and {MaxCacheDuration}");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
