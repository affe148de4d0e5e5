using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MonitorDashboard.Calculation;
using MonitorDashboard.Email.Templates;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Email.Templates;

public sealed class EmailTemplatesServiceCollectionExtensionsTests
{
    [Fact]
    public void The_renderers_resolve_and_render_with_the_templates_of_the_content_root()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = TestPaths.RepoRoot });
        builder.AddEmailTemplates();
        using var host = builder.Build();

        var message = host.Services.GetRequiredService<ReportRenderer>().RenderReport(ReportSamples.Model(CalculationResult.Empty));

        Assert.Contains("All clear", message.TextBody);
        Assert.Equal(Path.Combine(TestPaths.RepoRoot, "EmailTemplates"), host.Services.GetRequiredService<TemplateStore>().Folder);
        Assert.NotNull(host.Services.GetRequiredService<NoticeRenderer>());
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("de", true)]
    [InlineData("fr-CH", true)]
    [InlineData("xx-NOPE", false)]
    [InlineData("", false)]
    public void The_culture_must_be_a_known_one(string culture, bool valid)
    {
        var result = new EmailTemplateOptionsValidator().Validate(null, new EmailTemplateOptions { Culture = culture });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("EmailTemplates:Culture", result.FailureMessage);
        }
    }

    [Fact]
    public void A_bad_culture_stops_the_start_with_its_key_named()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = TestPaths.RepoRoot });
        builder.Configuration["EmailTemplates:Culture"] = "xx-NOPE";
        builder.AddEmailTemplates();
        using var host = builder.Build();

        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<EmailTemplateOptions>>().Value);

        Assert.Contains("EmailTemplates:Culture", ex.Message);
    }
}
