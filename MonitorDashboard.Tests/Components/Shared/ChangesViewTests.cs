using Bunit;
using MonitorDashboard.Calculation;
using MonitorDashboard.Components.Shared;
using MudBlazor.Services;
using static MonitorDashboard.Tests.Components.Pages.Runs.RunPageData;

namespace MonitorDashboard.Tests.Components.Shared;

public sealed class ChangesViewTests : IAsyncDisposable
{
    private readonly BunitContext _ctx = new();

    public ChangesViewTests()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Render<MudBlazor.MudPopoverProvider>();
    }

    private IRenderedComponent<ChangesView> Render(CalculationResult? before, CalculationResult after) =>
        _ctx.Render<ChangesView>(p => p.Add(x => x.Changes, ResultDiff.Compare(before, after)));

    [Fact]
    public void Every_kind_of_change_gets_a_row_with_before_and_now()
    {
        var before = new CalculationResult(
            [Order(1, "Screw", 4), Order(2, "Nut", 10)], [Build(10, "Board", 3)],
            [new CriticalPart(20, "Fuse", null, 1, 1, 5), new CriticalPart(21, "Glue", null, 0, 0, 2)], [new NotFoundPart("Unobtainium", null, 0)], []);
        var after = new CalculationResult(
            [Order(1, "Screw", 6), Order(3, "Washer", 1)], [Build(10, "Board", 1), Build(11, "Cable", 2)],
            [new CriticalPart(20, "Fuse", null, 0, 0, 5), new CriticalPart(22, "Tape", null, 1, 1, 3)], [new NotFoundPart("Widget", "A", 2)], []);

        var cut = Render(before, after);

        var rows = cut.FindAll("[data-testid=change-row]")
            .Select(r => string.Join(" | ", [r.GetAttribute("data-kind"), .. r.QuerySelectorAll("td").Skip(1).Select(td => td.TextContent.Trim())]))
            .ToList();
        Assert.Equal(
        [
            "new-shortage | Washer | — | 1",
            "order-up | Screw | 4 | 6",
            "resolved-shortage | Nut | 10 | —",
            "new-build | Cable | — | 2",
            "build-down | Board | 3 | 1",
            "critical-in | Tape | — | 1 of min 3",
            "critical-moved | Fuse | 1 of min 5 | 0 of min 5",
            "critical-out | Glue | 0 of min 2 | —",
            "not-found-in | Widget (rev A) | — | 2 matches",
            "not-found-out | Unobtainium | no match | —",
        ], rows);
    }

    [Fact]
    public void Without_a_previous_result_it_says_so_and_with_an_equal_one_it_says_no_change()
    {
        var result = Result([Order(1, "Screw", 4)]);

        Assert.NotNull(Render(null, result).Find("[data-testid=changes-first]"));
        Assert.NotNull(Render(result, result with { }).Find("[data-testid=changes-none]"));
    }

    public ValueTask DisposeAsync() => _ctx.DisposeAsync();
}
