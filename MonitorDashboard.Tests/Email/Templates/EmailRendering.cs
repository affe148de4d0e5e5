using MonitorDashboard.Cron;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MonitorDashboard.Email;
using MonitorDashboard.Email.Templates;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Email.Templates;

/// <summary>The real renderers over the committed EmailTemplates/ folder (or a temp copy), strict like every test.</summary>
internal sealed record EmailRendering(TemplateStore Store, ReportRenderer Reports, NoticeRenderer Notices) : IDisposable
{
    public static string CommittedTemplates => Path.Combine(TestPaths.RepoRoot, "EmailTemplates");

    public static EmailRendering Create(
        string? instanceUrl = null, string culture = "en", string? folder = null, string defaultZone = "UTC", bool strict = true,
        string? publicUrl = null)
    {
        var templateOptions = Options.Create(new EmailTemplateOptions
        {
            Folder = folder ?? CommittedTemplates,
            Culture = culture,
            StrictVariables = strict,
        });
        var environment = new HostingEnvironment { ContentRootPath = TestPaths.RepoRoot };
        var store = new TemplateStore(templateOptions, environment, NullLogger<TemplateStore>.Instance);
        var formatting = new EmailFormatting(
            templateOptions,
            Options.Create(new ScheduleOptions { TimeZone = defaultZone }),
            Options.Create(new InvenTreeOptions { InstanceUrl = instanceUrl }),
            new InvenTreeServerVersion());
        var inliner = new CssInliner(NullLogger<CssInliner>.Instance);
        var email = Options.Create(new EmailOptions { AdminRecipients = ["admin@example.com"] });
        return new EmailRendering(
            store,
            new ReportRenderer(store, new ReportViewBuilder(formatting, Options.Create(new DashboardOptions { PublicUrl = publicUrl })), inliner, formatting),
            new NoticeRenderer(store, inliner, formatting, email));
    }

    public void Dispose() => Store.Dispose();
}
