using Microsoft.Playwright;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>Opening pages of the real app in Chromium as a signed-in user would.</summary>
public static class BrowserPages
{
    /// <summary>
    /// A new browser page signed in with the start-up token URL the app printed (each page has its own cookie
    /// jar), at <paramref name="path"/>, once the Blazor circuit is live so clicks are handled.
    /// </summary>
    public static async Task<IPage> OpenSignedInAsync(IBrowser browser, AppServer app, string path = "", int width = 1400, int height = 900)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        // A first page load compiles Razor components and MudBlazor paths (JIT) beside a busy suite: give it the run budget.
        page.SetDefaultNavigationTimeout(AppServer.RunTimeoutMilliseconds);
        await page.GotoAsync((await app.WaitForSignInUrlAsync()).ToString());
        if (path.Length > 0)
        {
            await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
        }
        // Prerendered buttons do nothing until the circuit is connected.
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    /// <summary>
    /// Chooses a file in a Blazor <c>InputFile</c> once its script has taken the input over. The circuit renders the
    /// page (and its "interactive" markers) before the InputFile's own start-up call reaches the browser; a file
    /// chosen in between fires a change event nobody listens to, which is what a busy suite made of a fast test.
    /// </summary>
    public static async Task ChooseFileAsync(ILocator fileInput, FilePayload file)
    {
        var input = await fileInput.ElementHandleAsync();
        await fileInput.Page.WaitForFunctionAsync("input => input._blazorInputFileNextFileId !== undefined", input,
            new() { Timeout = AppServer.RunTimeoutMilliseconds });
        await fileInput.SetInputFilesAsync(file);
    }
}
