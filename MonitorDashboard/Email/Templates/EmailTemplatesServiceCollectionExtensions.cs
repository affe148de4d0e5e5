using Microsoft.Extensions.Options;

namespace MonitorDashboard.Email.Templates;

public static class EmailTemplatesServiceCollectionExtensions
{
    /// <summary>Liquid templates from <c>EmailTemplates/</c>, the report and notice renderers, and CSS inlining.</summary>
    public static IHostApplicationBuilder AddEmailTemplates(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailTemplateOptions>()
            .Bind(builder.Configuration.GetSection(EmailTemplateOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EmailTemplateOptions>, EmailTemplateOptionsValidator>();
        builder.Services.AddOptions<DashboardOptions>()
            .Bind(builder.Configuration.GetSection(DashboardOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();
        builder.Services.AddSingleton<TemplateStore>();
        builder.Services.AddSingleton<EmailFormatting>();
        builder.Services.AddSingleton<CssInliner>();
        builder.Services.AddSingleton<ReportViewBuilder>();
        builder.Services.AddSingleton<ReportRenderer>();
        builder.Services.AddSingleton<NoticeRenderer>();
        return builder;
    }
}
