using Microsoft.Extensions.Options;
using MonitorDashboard.Email.Outbox;
using MonitorDashboard.Email.Smtp;

namespace MonitorDashboard.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Email options (validated at start), and <see cref="IEmailSender"/>: the global switch in front of SMTP (MailKit,
    /// retries, circuit breaker) or the .eml outbox. <see cref="SmtpProbe"/> checks the server for the status page.
    /// </summary>
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>()
            .Bind(builder.Configuration.GetSection(EmailOptions.SectionName))
            .Configure(o => o.ApplyPythonToolVariables(builder.Configuration))
            .PostConfigure<IHostEnvironment>((o, environment) =>
            {
                if (!string.IsNullOrWhiteSpace(o.OutboxFolder))
                {
                    o.OutboxFolder = Path.GetFullPath(o.OutboxFolder, environment.ContentRootPath);
                }
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();

        builder.Services.AddSingleton<MimeMessageFactory>();
        // Singletons: the circuit breaker's memory of a dead server must outlive one send.
        builder.Services.AddSingleton<SmtpEmailSender>();
        builder.Services.AddSingleton<OutboxEmailSender>();
        builder.Services.AddSingleton<SmtpProbe>();
        builder.Services.AddSingleton<IEmailSender, EmailDispatcher>();
        return builder;
    }
}
