using MonitorDashboard.Cron;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Components.Shared;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Presets;
using MonitorDashboard.Tests.Monitoring.History;
using MudBlazor.Services;

namespace MonitorDashboard.Tests.Components.Pages.Runs;

/// <summary>
/// bUnit with the real run history (SQLite on a temp file) and the real state service. Run now needs the whole
/// check pipeline, so its button is stubbed here (a marker shows where it would be) and covered end to end.
/// </summary>
public sealed class RunPagesContext : IAsyncDisposable
{
    private readonly HistoryTestDatabase _database = new();

    public RunPagesContext()
    {
        Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        History = _database.Open();
        State = new MonitorState(Time, Microsoft.Extensions.Options.Options.Create(new ScheduleOptions { TimeZone = "UTC" }), NullLogger<MonitorState>.Instance);
        Bunit.Services.AddMudServices();
        Bunit.Services.AddSingleton<IRunStore>(History);
        Bunit.Services.AddSingleton(State);
        Bunit.Services.AddSingleton<TimeProvider>(Time);
        Bunit.Services.AddSingleton<IOptions<ScheduleOptions>>(Microsoft.Extensions.Options.Options.Create(new ScheduleOptions { TimeZone = "UTC" }));
        Bunit.ComponentFactories.AddStub<RunNowButton>("<span data-testid=\"run-now-stub\"></span>");
        Popovers = Bunit.Render<MudBlazor.MudPopoverProvider>();
    }

    public BunitContext Bunit { get; } = new();

    /// <summary>Where MudBlazor renders open menus (the select's items).</summary>
    public IRenderedComponent<MudBlazor.MudPopoverProvider> Popovers { get; }

    public FakeTimeProvider Time { get; } = new(RunPageData.T0.AddDays(1));

    public SqliteRunHistory History { get; }

    public MonitorState State { get; }

    public NavigationManager Navigation => Bunit.Services.GetRequiredService<NavigationManager>();

    /// <summary>Makes the list known to the dashboard, in Europe/Berlin.</summary>
    public void DefineList(string id = RunPageData.ListId, string name = RunPageData.ListName) =>
        State.ApplyPresets(new PresetsSnapshot(
            "/tmp/presets.json",
            "v1",
            new PresetsDocument
            {
                MonitoringLists =
                [
                    new MonitoringList
                    {
                        Id = id,
                        Name = name,
                        Active = true,
                        CronSchedule = "0 7 * * 1-5",
                        TimeZone = "Europe/Berlin",
                        Recipients = ["planner@example.com"],
                        Parts = [new MonitoredPart { Name = "Widget Assembly", Quantity = 5 }],
                    },
                ],
            },
            null,
            [new ListValidationResult(0, id, name, [], [])],
            RunPageData.T0));

    public async Task AddAsync(params RunRecord[] runs)
    {
        foreach (var run in runs)
        {
            await History.AddAsync(run, Xunit.TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        await _database.DisposeAsync();
    }
}
