using Microsoft.Extensions.Options;
using MonitorDashboard.Presets;
using MonitorDashboard.Security;

namespace MonitorDashboard.Email;

/// <summary>Every problem of the email settings at once, each naming the variable a user sets.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var errors = new List<string>(options.BindingProblems);
        if (options.UseTls && options.UseSsl)
        {
            errors.Add("EMAIL_USE_TLS and EMAIL_USE_SSL are both true: choose STARTTLS (EMAIL_USE_TLS) or implicit TLS (EMAIL_USE_SSL)");
        }
        if (!options.UsesOutbox)
        {
            if (Uri.CheckHostName(options.SmtpServer) == UriHostNameType.Unknown)
            {
                errors.Add($"EMAIL_SMTP_SERVER: \"{options.SmtpServer}\" is not a host name or address");
            }
            if (string.IsNullOrWhiteSpace(options.SenderAddress))
            {
                errors.Add("EMAIL_SENDER_ADDRESS is required when EMAIL_SMTP_SERVER is set");
            }
        }
        if (options.SmtpPort is <= 0 or > 65535)
        {
            errors.Add($"EMAIL_SMTP_PORT: {options.SmtpPort} is not a port number (1–65535)");
        }
        if (!string.IsNullOrWhiteSpace(options.SenderAddress) && !EmailAddressRule.IsValid(options.SenderAddress))
        {
            errors.Add($"EMAIL_SENDER_ADDRESS: \"{options.SenderAddress}\" is not an email address");
        }
        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
        {
            errors.Add(string.IsNullOrEmpty(options.Username)
                ? "EMAIL_PASSWORD is set but EMAIL_USERNAME is not"
                : "EMAIL_USERNAME is set but EMAIL_PASSWORD is not");
        }
        foreach (var bad in options.AdminRecipients.Where(a => !EmailAddressRule.IsValid(a)))
        {
            errors.Add($"ADMIN_EMAIL_RECIPIENTS: \"{bad}\" is not an email address");
        }
        if (ServerCertificateValidator.ProblemOfCaFile("Email:CaCertificateFile", options.CaCertificateFile) is { } caProblem)
        {
            errors.Add(caProblem);
        }
        if (string.IsNullOrWhiteSpace(options.OutboxFolder))
        {
            errors.Add("Email:OutboxFolder must not be empty");
        }
        if (!options.UsesOutbox && !string.IsNullOrEmpty(options.Username) && options.Security == SmtpSecurity.None && !options.AllowPlainTextAuth)
        {
            errors.Add("EMAIL_USERNAME is set but the SMTP connection is not encrypted: set EMAIL_USE_TLS or EMAIL_USE_SSL "
                + "(or Email:AllowPlainTextAuth=true to send the password in clear text)");
        }
        AddDeliveryRules(options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void AddDeliveryRules(EmailOptions options, List<string> errors)
    {
        if (options.MaxRetries is < 0 or > 10)
        {
            errors.Add($"Email:MaxRetries: {options.MaxRetries} is outside 0–10");
        }
        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromMinutes(5))
        {
            errors.Add($"Email:RetryBaseDelay: {options.RetryBaseDelay} must be more than 0 and at most 5 minutes");
        }
        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"Email:Timeout: {options.Timeout} must be between 1 second and 10 minutes");
        }
        AddDeadlineRules(options, errors);
        // Polly's circuit breaker needs at least two calls to judge a failure ratio, and breaks of half a second or more.
        if (options.CircuitBreakerFailureThreshold is < 2 or > 1000)
        {
            errors.Add($"Email:CircuitBreakerFailureThreshold: {options.CircuitBreakerFailureThreshold} is outside 2–1000");
        }
        if (options.CircuitBreakerBreakDuration < TimeSpan.FromMilliseconds(500) || options.CircuitBreakerBreakDuration > TimeSpan.FromDays(1))
        {
            errors.Add($"Email:CircuitBreakerBreakDuration: {options.CircuitBreakerBreakDuration} must be between 0.5 seconds and 1 day");
        }
    }

    /// <summary>
    /// A session needs room for at least one network operation, a send for at least one session. One day at most: the
    /// deadlines are timers, and a timer cannot be set much further than 49 days ahead.
    /// </summary>
    private static void AddDeadlineRules(EmailOptions options, List<string> errors)
    {
        var sessionValid = options.SessionTimeout > TimeSpan.Zero && options.SessionTimeout <= TimeSpan.FromDays(1);
        if (!sessionValid)
        {
            errors.Add($"Email:SessionTimeout: {options.SessionTimeout} must be more than 0 and at most 1 day");
        }
        else if (options.SessionTimeout < options.Timeout)
        {
            errors.Add($"Email:SessionTimeout: {options.SessionTimeout} is shorter than Email:Timeout ({options.Timeout}); "
                + "one session must have time for at least one network operation");
        }
        if (options.SendTimeout <= TimeSpan.Zero || options.SendTimeout > TimeSpan.FromDays(1))
        {
            errors.Add($"Email:SendTimeout: {options.SendTimeout} must be more than 0 and at most 1 day");
        }
        else if (sessionValid && options.SendTimeout < options.SessionTimeout)
        {
            errors.Add($"Email:SendTimeout: {options.SendTimeout} is shorter than Email:SessionTimeout ({options.SessionTimeout}); "
                + "one send must have time for at least one session");
        }
    }
}
