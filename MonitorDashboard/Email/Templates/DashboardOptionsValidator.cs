using Microsoft.Extensions.Options;

namespace MonitorDashboard.Email.Templates;

public sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PublicUrl))
        {
            return ValidateOptionsResult.Success;
        }
        var value = options.PublicUrl.Trim();
        // Links in emails: only a full http(s) address works from a mail client, and a query or fragment would swallow the path.
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{DashboardOptions.SectionName}:PublicUrl: \"{value}\" is not an absolute http or https address without query or fragment (e.g. https://monitor.example.com)");
    }
}
