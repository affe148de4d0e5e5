using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;
using MonitorDashboard.InvenTreeEmulator;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using Arch = ArchUnitNET.Domain.Architecture;

namespace MonitorDashboard.Tests.Architecture;

/// <summary>Holds the code to the layers in <see cref="LayerMap"/>; a failure names the offending types.</summary>
public sealed class ArchitectureTests
{
    // Loading the assembly is the slow part: once for all tests.
    private static readonly Arch App = new ArchLoader().LoadAssemblies(typeof(HostingExtensions).Assembly).Build();

    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string>();
        foreach (var folder in LayerMap.Folders)
        {
            data.Add(folder);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_folder_uses_only_folders_in_lower_layers(string folder)
    {
        var forbidden = LayerMap.ForbiddenFor(folder);

        Types().That().ResideInNamespaceMatching(LayerMap.NamespacePattern(folder))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(LayerMap.NamespacePattern(forbidden)))
            .Because($"{folder} is in layer {LayerMap.LayerOf(folder) + 1} and must not use {string.Join(", ", forbidden)} (see {nameof(LayerMap)})")
            .Check(App);
    }

    [Fact]
    public void No_two_folders_depend_on_each_other()
    {
        // The folders are read from the code, not from the map, so a folder someone adds is covered at once.
        // (ArchUnitNET's slice rule would do this, but in 0.13.5 "MonitorDashboard.(*).." cuts every sub-namespace into
        // its own slice, so Email and Email.Smtp count as a cycle.)
        var folders = FoldersInCode().Order().ToList();
        var mutual = new List<string>();
        for (var i = 0; i < folders.Count; i++)
        {
            foreach (var other in folders.Skip(i + 1))
            {
                var there = Uses(folders[i], other);
                var back = Uses(other, folders[i]);
                if (there.Count > 0 && back.Count > 0)
                {
                    // The side with fewer uses first: it is most likely the one that went wrong.
                    var (fewer, more) = there.Count <= back.Count ? (there, back) : (back, there);
                    mutual.Add($"{folders[i]} <-> {other}:\n  {string.Join("\n  ", fewer)}\n  -- and the other way --\n  {string.Join("\n  ", more)}");
                }
            }
        }

        Assert.True(mutual.Count == 0, $"Folders that depend on each other:\n{string.Join("\n", mutual)}");
    }

    [Fact]
    public void Nothing_but_the_composition_root_uses_the_UI_or_the_CLI()
    {
        Types().That().ResideInNamespaceMatching(LayerMap.NamespacePatternExcept(LayerMap.EntryPoints))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(LayerMap.NamespacePattern(LayerMap.EntryPoints)))
            .Because("Components and Cli are entry points; only Program.cs and HostingExtensions.cs wire them up")
            .Check(App);
    }

    [Fact]
    public void Nothing_in_the_app_but_the_Demo_folder_uses_the_emulator()
    {
        Types().That().DoNotResideInNamespaceMatching(LayerMap.NamespacePattern(LayerMap.EmulatorUsers))
            .Should().NotDependOnAny(EmulatorTypes())
            .Because($"the emulator is demo mode's InvenTree server; the app reaches it only through {string.Join(", ", LayerMap.EmulatorUsers)} (see {nameof(LayerMap)})")
            .Check(App);
    }

    [Fact]
    public void The_emulator_rule_sees_the_Demo_folder_use_the_emulator()
    {
        // The emulator is not loaded into App, only referenced by it: if the rule above could not see those references,
        // it would pass whatever the code did. Demo does use the emulator, so the same condition must fail for it.
        var demoUses = Types().That().ResideInNamespaceMatching(LayerMap.NamespacePattern(LayerMap.EmulatorUsers))
            .Should().NotDependOnAny(EmulatorTypes())
            .Evaluate(App)
            .Where(result => !result.Passed);

        Assert.NotEmpty(demoUses);
    }

    [Fact]
    public void The_emulator_does_not_depend_on_the_app()
    {
        // The project references already forbid it (the app references the emulator); this says so where the map is.
        var referenced = typeof(EmulatorServer).Assembly.GetReferencedAssemblies().Select(name => name.Name);

        Assert.DoesNotContain(typeof(HostingExtensions).Assembly.GetName().Name, referenced);
    }

    [Fact]
    public void Every_folder_in_the_code_is_on_the_layer_map_and_every_folder_on_the_map_has_code()
    {
        var inCode = FoldersInCode();

        Assert.Empty(inCode.Except(LayerMap.Folders).Order());
        Assert.Empty(LayerMap.Folders.Except(inCode).Order());
    }

    [Fact]
    public void A_folder_pattern_takes_in_sub_namespaces_and_no_look_alike_names()
    {
        var emailNamespaces = Types().That().ResideInNamespaceMatching(LayerMap.NamespacePattern("Email"))
            .GetObjects(App)
            .Select(type => type.Namespace.FullName)
            .ToHashSet();

        Assert.Contains("MonitorDashboard.Email", emailNamespaces);
        Assert.Contains("MonitorDashboard.Email.Smtp", emailNamespaces);
        Assert.DoesNotMatch(LayerMap.NamespacePattern("Email"), "MonitorDashboard.EmailX");
        Assert.DoesNotMatch(LayerMap.NamespacePatternExcept("Cli"), "MonitorDashboard.Cli.Monitor");
        Assert.Matches(LayerMap.NamespacePatternExcept("Cli"), "MonitorDashboard.Cline");
    }

    /// <summary>The emulator's types as the app references them (they are not loaded into <see cref="App"/>).</summary>
    private static ArchUnitNET.Domain.IObjectProvider<ArchUnitNET.Domain.IType> EmulatorTypes() =>
        Types(includeReferenced: true).That().ResideInNamespaceMatching(LayerMap.NamespacePattern(LayerMap.Emulator));

    /// <summary>The first namespace segment under MonitorDashboard of every type in the app.</summary>
    private static HashSet<string> FoldersInCode() =>
        App.Types
            .Select(type => type.Namespace.FullName)
            .Where(name => name.StartsWith(LayerMap.Root + ".", StringComparison.Ordinal))
            .Select(name => name.Split('.')[1])
            .ToHashSet();

    /// <summary>"A.Type does depend on B.Type" for each use of <paramref name="used"/> in <paramref name="user"/>.</summary>
    private static List<string> Uses(string user, string used) =>
        Types().That().ResideInNamespaceMatching(LayerMap.NamespacePattern(user))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(LayerMap.NamespacePattern(used)))
            .WithoutRequiringPositiveResults()
            .Evaluate(App)
            .Where(result => !result.Passed)
            .Select(result => result.Description)
            .ToList();
}
