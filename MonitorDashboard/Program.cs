using MonitorDashboard;
using MonitorDashboard.Cli;
using MonitorDashboard.Components;
using MonitorDashboard.Components.Actions;
using MonitorDashboard.Configuration;
using MonitorDashboard.Logging;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.Health;
using MonitorDashboard.Security;
using Serilog;

// The Python tool's .env keeps working; real environment variables win over it.
DotNetEnv.Env.NoClobber().Load();

if (CliApp.IsCliInvocation(args))
{
    return await CliApp.RunAsync(args, Console.Out, Console.Error);
}

SerilogSetup.CreateBootstrapLogger();
var builder = WebApplication.CreateBuilder(args);
builder.AddSerilogLogging();
// Serve MudBlazor's and the framework's assets from the build output even outside Development.
builder.WebHost.UseStaticWebAssets();
builder.AddMonitorDashboardCore();
builder.AddMonitoringEngine();
builder.AddMonitorHealthChecks();
builder.AddSecurity();
builder.AddDashboard();

var app = builder.Build();
if (!ConfigurationProblems.ValidateAll(app.Services, Console.Error))
{
    return 1;
}
app.Services.UseMonitoringEngine();
app.UseForwardedHeadersFromProxies();
app.UseSecurityHeaders();
app.UseSerilogRequestLogging();
app.UseStaticFiles();
app.UseSecurity();
app.UseAntiforgery();
app.MapSignIn();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapMonitorHealthChecks();
try
{
    await app.RunAsync();
    return 0;
}
catch (Exception ex)
{
    Log.Fatal(ex, "MonitorDashboard stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}
