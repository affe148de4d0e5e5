using MonitorDashboard.Components;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);
// Serve MudBlazor's and the framework's assets from the build output even outside Development.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();

var app = builder.Build();
app.UseStaticFiles();
app.UseAntiforgery();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Run();
