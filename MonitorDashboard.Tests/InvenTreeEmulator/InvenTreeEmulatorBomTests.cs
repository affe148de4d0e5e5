using MonitorDashboard.InvenTree;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTreeEmulator;

/// <summary>BOM inheritance, <c>in_bom_for</c> and substitutes on the demo dataset's widget and board assemblies.</summary>
public sealed class InvenTreeEmulatorBomTests(DemoEmulatorFixture demo) : IClassFixture<DemoEmulatorFixture>
{
    [Fact]
    public async Task A_variants_bom_includes_the_inherited_lines_of_its_template()
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        // Widget Assembly Variant (81) has lines 10–13; its template Widget Assembly (77) marks 1, 2 and 7 inherited.
        var lines = await client.GetJsonAsync<InvenTreeBomItem[]>("api/bom/?part=81");

        Assert.Equal([1, 2, 7, 10, 11, 12, 13], lines.Select(l => l.Pk));
        Assert.All(lines.Where(l => l.Pk < 10), l => Assert.Equal((77, true), (l.Part, l.Inherited)));
        Assert.Equal((72, 3m, true), (lines[0].SubPart, lines[0].Quantity, lines[0].AllowVariants));
    }

    [Fact]
    public async Task A_templates_bom_is_only_its_own_lines()
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        var lines = await client.GetJsonAsync<InvenTreeBomItem[]>("api/bom/?part=77");

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], lines.Select(l => l.Pk));
    }

    [Fact]
    public async Task In_bom_for_adds_variants_of_allow_variants_lines()
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        // Line 1 (Red Widget 72, allow_variants) brings 78–80; 75 and 66 come from inherited lines; 30, 59, 73, 74 are own.
        var parts = await client.GetJsonAsync<InvenTreePart[]>("api/part/?in_bom_for=81");

        Assert.Equal([30, 59, 66, 72, 73, 74, 75, 78, 79, 80], parts.Select(p => p.Pk).Order());
    }

    [Fact]
    public async Task In_bom_for_adds_each_lines_substitutes()
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        // Doohickey (87): line 15 (1551ABK 82) has substitutes 83 and 84.
        var parts = await client.GetJsonAsync<InvenTreePart[]>("api/part/?in_bom_for=87");

        Assert.Equal([66, 67, 82, 83, 84, 88], parts.Select(p => p.Pk).Order());
    }

    [Fact]
    public async Task Substitutes_are_served_only_when_asked_for_since_api_433()
    {
        using var client = EmulatorHttp.CreateClient(demo.Current);

        var plain = await client.GetElementAsync("api/bom/?part=87");
        var withSubstitutes = await client.GetJsonAsync<InvenTreeBomItem[]>("api/bom/?part=87&substitutes=true");

        Assert.All(plain.EnumerateArray(), line => Assert.False(line.TryGetProperty("substitutes", out _)));
        var line15 = Assert.Single(withSubstitutes, l => l.Pk == 15);
        Assert.Equal(
            [new InvenTreeBomSubstitute { Pk = 1, BomItem = 15, Part = 84 }, new InvenTreeBomSubstitute { Pk = 2, BomItem = 15, Part = 83 }],
            line15.Substitutes!);
        Assert.All(withSubstitutes.Where(l => l.Pk != 15), l => Assert.Empty(l.Substitutes!));
    }

    [Fact]
    public async Task Substitutes_are_always_served_before_api_433()
    {
        using var client = EmulatorHttp.CreateClient(demo.Legacy);

        var lines = await client.GetJsonAsync<InvenTreeBomItem[]>("api/bom/?part=87");

        Assert.Equal(2, lines.Single(l => l.Pk == 15).Substitutes!.Count);
    }
}
