using Microsoft.Extensions.Options;
using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>Chooses the InvenTree endpoint: the configured server, or the embedded demo catalog when no URL is set.</summary>
    public static IHostApplicationBuilder AddInvenTreeConnection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddInvenTreeConnectionServices();
        return builder;
    }

    /// <summary>The same for a container without a host (a bUnit test's).</summary>
    internal static IServiceCollection AddInvenTreeConnectionServices(this IServiceCollection services)
    {
        services.AddSingleton<DemoInvenTreeConnection>();
        services.AddSingleton<ConfiguredInvenTreeConnection>();
        services.AddSingleton<IInvenTreeConnection>(sp => sp.GetRequiredService<IOptions<InvenTreeOptions>>().Value.IsDemo
            ? sp.GetRequiredService<DemoInvenTreeConnection>()
            : sp.GetRequiredService<ConfiguredInvenTreeConnection>());
        return services;
    }
}
