using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MonitorDashboard.Calculation;
using MonitorDashboard.Calculation.Proposals;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Presets;
using MonitorDashboard.Tests.Presets;
using MonitorDashboard.Tests.TestSupport;
using MudBlazor;
using MudBlazor.Services;
using CalculatorPage = MonitorDashboard.Components.Pages.Calculator.Calculator;

namespace MonitorDashboard.Tests.Components.Pages.Calculator;

/// <summary>
/// The calculator page in bUnit with the real services: InvenTree client and calculation against an emulator on the
/// sample catalog (over HTTP), and a presets store on a private presets.json.
/// </summary>
internal sealed class CalculatorPageHarness : IAsyncDisposable
{
    private CalculatorPageHarness(BunitContext context, InvenTreeHarness inventree, TempPresetsFolder presets)
    {
        Context = context;
        InvenTree = inventree;
        Presets = presets;
    }

    public BunitContext Context { get; }
    public InvenTreeHarness InvenTree { get; }
    public TempPresetsFolder Presets { get; }
    public required TestAccounts Accounts { get; init; }

    /// <param name="presetsJson">The content of presets.json before the page opens; none means no file.</param>
    /// <param name="signInAs">Who uses the page (<see cref="TestAccounts.Admin"/> or <see cref="TestAccounts.Viewer"/>).</param>
    public static async Task<CalculatorPageHarness> StartAsync(string? presetsJson = null, IDictionary<string, string?>? settings = null, string signInAs = TestAccounts.Admin)
    {
        var inventree = await InvenTreeHarness.StartAsync(settings: settings);
        var presets = new TempPresetsFolder(TimeProvider.System);
        if (presetsJson is not null)
        {
            presets.Write(presetsJson);
        }
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLogging();
        context.Services.AddSingleton(TimeProvider.System);
        context.Services.AddSingleton(inventree.Client);
        context.Services.AddSingleton(inventree.Calculation);
        context.Services.AddSingleton(inventree.Services.GetRequiredService<PartLookup>());
        context.Services.AddSingleton(inventree.Services.GetRequiredService<OrderProposalService>());
        context.Services.AddSingleton(inventree.Services.GetRequiredService<IOptions<InvenTreeOptions>>());
        context.Services.AddSingleton(presets.Store);
        var accounts = new TestAccounts();
        accounts.AddTo(context.Services);
        accounts.SignIn(context, signInAs);
        // The page calls InvenTree only once the circuit is interactive, as on the server.
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return new CalculatorPageHarness(context, inventree, presets) { Accounts = accounts };
    }

    /// <summary>Where open menus and selects render their items (set by <see cref="Render"/>).</summary>
    public IRenderedComponent<MudPopoverProvider>? Popovers { get; private set; }

    public IRenderedComponent<CalculatorPage> Render()
    {
        Popovers = Context.Render<MudPopoverProvider>();
        return Context.Render<CalculatorPage>();
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await InvenTree.DisposeAsync();
        Presets.Dispose();
    }
}
