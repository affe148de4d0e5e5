using MudBlazor.Services;

namespace MonitorDashboard.Components.Actions;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The interactive dashboard: Razor components on a SignalR circuit, MudBlazor, and its guarded actions.</summary>
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddScoped<DashboardActions>();
        builder.Services.AddScoped<RunActions>();
        builder.Services.AddScoped<DraftOrderActions>();
        builder.Services.AddScoped<Pages.Lists.ListTrends>();
        return builder;
    }
}
