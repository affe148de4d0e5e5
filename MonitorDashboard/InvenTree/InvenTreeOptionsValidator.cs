using Microsoft.Extensions.Options;
using MonitorDashboard.Security;

namespace MonitorDashboard.InvenTree;

/// <summary>Every problem of the InvenTree settings at once, each naming the key a user sets.</summary>
internal sealed class InvenTreeOptionsValidator : IValidateOptions<InvenTreeOptions>
{
    public ValidateOptionsResult Validate(string? name, InvenTreeOptions options)
    {
        var errors = new List<string>();
        if (!options.IsDemo)
        {
            if (!IsHttpUrl(options.Url))
            {
                errors.Add($"INVENTREE_URL: \"{options.Url}\" is not an http:// or https:// URL");
            }
            if (string.IsNullOrWhiteSpace(options.ApiToken))
            {
                errors.Add("INVENTREE_API_TOKEN is required when INVENTREE_URL is set");
            }
        }
        if (!string.IsNullOrWhiteSpace(options.InstanceUrl) && !IsHttpUrl(options.InstanceUrl))
        {
            errors.Add($"INVENTREE_INSTANCE_URL: \"{options.InstanceUrl}\" is not an http:// or https:// URL");
        }
        if (options.GetWebUi() is null)
        {
            errors.Add($"InvenTree:WebUi: \"{options.WebUi}\" is not auto, platform or classic");
        }
        if (options.MaxConcurrency is < 1 or > 64)
        {
            errors.Add($"InvenTree:MaxConcurrency: {options.MaxConcurrency} is outside 1–64");
        }
        if (options.PageSize is < 1 or > 10_000)
        {
            errors.Add($"InvenTree:PageSize: {options.PageSize} is outside 1–10000");
        }
        if (options.MaxRetries is < 0 or > 10)
        {
            errors.Add($"InvenTree:MaxRetries: {options.MaxRetries} is outside 0–10");
        }
        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"InvenTree:RequestTimeout: {options.RequestTimeout} must be positive");
        }
        if (options.MaxResponseBytes is < 1 or > InvenTreeOptions.MaxResponseBytesLimit)
        {
            errors.Add($"InvenTree:MaxResponseBytes: {options.MaxResponseBytes} is outside 1–{InvenTreeOptions.MaxResponseBytesLimit} (1 GiB)");
        }
        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            errors.Add($"InvenTree:RetryBaseDelay: {options.RetryBaseDelay} must not be negative");
        }
        if (ServerCertificateValidator.ProblemOfCaFile(InvenTreeCertificateTrust.Setting, options.CaCertificateFile) is { } caProblem)
        {
            errors.Add(caProblem);
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
