using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MonitorDashboard.Components.Actions;
using MonitorDashboard.Components.Pages.Lists;
using MonitorDashboard.Presets;
using MonitorDashboard.Security;
using MonitorDashboard.Tests.TestSupport;
using MudBlazor;

namespace MonitorDashboard.Tests.Components.Actions;

/// <summary>
/// Every change the dashboard can make, tried by someone who may not make it: a viewer calling the actions directly (as a
/// crafted circuit event would reach them) and an admin demoted while the page is open clicking what is still shown.
/// Each is refused with a reason, and presets.json, the history and the outbox stay exactly as they were.
/// </summary>
public sealed class DashboardActionsTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_viewer_is_refused_every_change_and_nothing_is_written()
    {
        await using var dashboard = await DashboardServices.StartAsync(signInAs: DashboardServices.Viewer);
        var before = await File.ReadAllBytesAsync(dashboard.PresetsPath, Ct);
        var snapshot = await dashboard.Presets.LoadAsync(Ct);
        var list = snapshot.Document.MonitoringLists[0];
        var actions = dashboard.Context.Services.GetRequiredService<DashboardActions>();
        var runs = dashboard.Context.Services.GetRequiredService<RunActions>();

        Assert.False(await actions.CanChangeAsync());
        Assert.False(await runs.CanRunAsync());
        var attempts = new (string What, Func<Task> Act)[]
        {
            ("create a list", () => actions.AddListAsync(list with { Id = "", Name = "New" }, snapshot.Version, Ct)),
            ("change a list", () => actions.UpdateListAsync(list with { Name = "Renamed" }, snapshot.Version, Ct)),
            ("duplicate a list", () => actions.DuplicateListAsync(list with { Id = "", Name = "Copy" }, snapshot.Version, Ct)),
            ("delete a list", () => actions.DeleteListAsync(list.Id, snapshot.Version, Ct)),
            ("pause a list", () => actions.SetActiveAsync(list.Id, false, snapshot.Version, Ct)),
            ("save a preset", () => actions.ChangePresetsAsync("save a preset", doc => doc with { Presets = [] }, snapshot.Version, Ct)),
            ("run a list now", () => runs.RunNowAsync(list.Id)),
        };
        foreach (var (what, act) in attempts)
        {
            var refused = await Assert.ThrowsAsync<ActionRefusedException>(act);
            Assert.Equal($"Not allowed to {what}: only an admin can, and you are signed in as vera (viewer). Nothing was changed.", refused.Message);
        }

        Assert.Equal(before, await File.ReadAllBytesAsync(dashboard.PresetsPath, Ct));
        Assert.Null(dashboard.State.Lists.Single(l => l.Id == list.Id).LastRun);
        Assert.False(Directory.Exists(Path.Combine(dashboard.Folder, "outbox")) && Directory.EnumerateFiles(Path.Combine(dashboard.Folder, "outbox")).Any());
    }

    [Fact]
    public async Task An_admin_demoted_while_the_lists_page_is_open_is_refused_on_every_click_and_told_why()
    {
        await using var dashboard = await DashboardServices.StartAsync(signInAs: DashboardServices.Admin);
        var before = await File.ReadAllBytesAsync(dashboard.PresetsPath, Ct);
        var cut = dashboard.Context.Render<ListsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=run-now]").Count));
        var snackbar = dashboard.Context.Services.GetRequiredService<ISnackbar>();

        dashboard.ChangeRole(DashboardServices.Admin, Roles.Viewer);

        await cut.FindAll("input[data-testid=active-switch], [data-testid=active-switch] input")[0].ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = false });
        await cut.FindAll("[data-testid=duplicate]")[0].ClickAsync(new MouseEventArgs());
        await cut.FindAll("[data-testid=run-now]")[0].ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal(3, snackbar.ShownSnackbars.Count(s => s.Message?.Contains("Not allowed to", StringComparison.Ordinal) == true)));
        var messages = string.Join("\n", snackbar.ShownSnackbars.Select(s => s.Message));
        Assert.Contains("Not allowed to pause a list: your account was changed or removed", messages, StringComparison.Ordinal);
        Assert.Contains("Not allowed to duplicate a list", messages, StringComparison.Ordinal);
        Assert.Contains("Not allowed to run a list now", messages, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(dashboard.PresetsPath, Ct));
        Assert.All(dashboard.State.Lists, l => Assert.Null(l.LastRun));
    }

    [Fact]
    public async Task An_admin_demoted_while_editing_a_list_is_refused_on_save_and_the_form_says_why()
    {
        await using var dashboard = await DashboardServices.StartAsync(signInAs: DashboardServices.Admin);
        var before = await File.ReadAllBytesAsync(dashboard.PresetsPath, Ct);
        var list = (await dashboard.Presets.LoadAsync(Ct)).Document.MonitoringLists[0];
        var cut = dashboard.Context.Render<EditList>(p => p.Add(e => e.ListId, list.Id));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=save]")));

        dashboard.ChangeRole(DashboardServices.Admin, Roles.Viewer);
        await cut.Find("[data-testid=save]").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("Not allowed to change a list", cut.Find("[data-testid=save-errors]").TextContent, StringComparison.Ordinal));
        Assert.Equal(before, await File.ReadAllBytesAsync(dashboard.PresetsPath, Ct));
    }

    [Fact]
    public async Task A_viewer_opening_the_edit_form_gets_a_read_only_page_without_save()
    {
        await using var dashboard = await DashboardServices.StartAsync(signInAs: DashboardServices.Viewer);
        var list = (await dashboard.Presets.LoadAsync(Ct)).Document.MonitoringLists[0];

        var cut = dashboard.Context.Render<EditList>(p => p.Add(e => e.ListId, list.Id));

        cut.WaitForAssertion(() => Assert.Contains("Viewers can look at lists but not change them", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=save]"));
    }
}
