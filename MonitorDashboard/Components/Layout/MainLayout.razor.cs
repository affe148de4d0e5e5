using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace MonitorDashboard.Components.Layout;

/// <summary>App bar, navigation drawer and banners; the dark-mode choice is remembered per browser (localStorage).</summary>
public sealed partial class MainLayout
{
    private MudThemeProvider? _themeProvider;
    private bool _drawerOpen = true;

    [Inject] public required IJSRuntime Js { get; init; }

    /// <summary>Extra app-bar content (e.g. the signed-in user) supplied by the auth components.</summary>
    [Parameter] public RenderFragment? AppBarContent { get; set; }

    private bool IsDarkMode { get; set; }

    private static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight { Primary = "#3f51b5", AppbarBackground = "#3f51b5" },
        PaletteDark = new PaletteDark { Primary = "#8c9eff" },
    };

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        var stored = await Js.InvokeAsync<string?>("monitorDashboard.getTheme");
        var dark = stored switch
        {
            "dark" => true,
            "light" => false,
            _ => _themeProvider is not null && await _themeProvider.GetSystemDarkModeAsync(),
        };
        if (dark != IsDarkMode)
        {
            IsDarkMode = dark;
            StateHasChanged();
        }
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private async Task ToggleDarkModeAsync()
    {
        IsDarkMode = !IsDarkMode;
        await Js.InvokeVoidAsync("monitorDashboard.setTheme", IsDarkMode ? "dark" : "light");
    }
}
