using System.Globalization;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Email.Templates;

public sealed class EmailTemplateOptionsValidator : IValidateOptions<EmailTemplateOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailTemplateOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Folder))
        {
            errors.Add($"{EmailTemplateOptions.SectionName}:Folder is required");
        }
        if (!IsKnownCulture(options.Culture))
        {
            errors.Add($"{EmailTemplateOptions.SectionName}:Culture: \"{options.Culture}\" is not a known culture (e.g. en, de, fr-CH)");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static bool IsKnownCulture(string? culture)
    {
        if (string.IsNullOrWhiteSpace(culture))
        {
            return false;
        }
        try
        {
            // GetCultureInfo accepts made-up names on ICU ("xx-YY"); a culture ICU knows has a real English name.
            var info = CultureInfo.GetCultureInfo(culture.Trim(), predefinedOnly: true);
            return !info.Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
