using Microsoft.Extensions.Options;

namespace MonitorDashboard.Email;

public static class EmailServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>()
            .Bind(builder.Configuration.GetSection(EmailOptions.SectionName))
            .Configure(o => o.ApplyPythonToolVariables(builder.Configuration))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        return builder;
    }
}
