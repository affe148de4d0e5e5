using System.Reflection;
using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Dependencies;
using ArchUnitNET.Domain.Extensions;
using ArchUnitNET.Loader;
using Type = System.Type;
using MonitorDashboard.Tests.Cli.Monitor;
using MonitorDashboard.Tests.Monitoring.FaultMatrix;
using MonitorDashboard.Tests.Security;
using Xunit.v3;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// Keeps the fast local run (<c>--filter "Kind!=Browser&amp;Kind!=Process"</c>) honest: a test class that uses a browser or
/// starts the app (calls <see cref="AppServer"/> or <see cref="AppProcess"/>, directly or through a helper method) must carry
/// the matching trait.
/// </summary>
public sealed class TestKindTraitTests
{
    // Loading the assembly is the slow part: once for all tests.
    private static readonly ArchUnitNET.Domain.Architecture Tests =
        new ArchLoader().LoadAssemblies(typeof(TestKindTraitTests).Assembly).Build();

    private static readonly Type[] TestClasses = typeof(TestKindTraitTests).Assembly.GetTypes()
        // This class names the slow helpers itself; it starts nothing.
        .Where(type => type != typeof(TestKindTraitTests) && type.GetMethods().Any(m => m.GetCustomAttributes().OfType<IFactAttribute>().Any()))
        .ToArray();

    [Fact]
    public void Every_test_class_that_drives_a_browser_is_tagged_Browser()
    {
        var untagged = TestClasses.Where(type => type.GetInterfaces().Contains(typeof(IClassFixture<BrowserFixture>)) && !HasKind(type, TestKinds.Browser))
            .Select(type => type.FullName)
            .ToList();

        Assert.True(untagged.Count == 0, $"Add [BrowserTests] to: {string.Join(", ", untagged)}");
    }

    [Fact]
    public void Every_test_class_that_starts_the_app_process_is_tagged_Process_or_Browser()
    {
        var untagged = StartingTheApp.Value
            .Where(type => !HasKind(type, TestKinds.Process) && !HasKind(type, TestKinds.Browser))
            .Select(type => type.FullName)
            .ToList();

        Assert.True(untagged.Count == 0, $"Add [ProcessTests] to: {string.Join(", ", untagged)}");
    }

    [Fact]
    public void The_check_finds_classes_that_start_the_app_directly_or_through_a_helper_and_no_others()
    {
        var starting = StartingTheApp.Value;

        Assert.Contains(typeof(SignInAppTests), starting);
        // Through DashboardProcessRig.StartAsync, an async method.
        Assert.Contains(typeof(ProcessFaultTests), starting);
        // Through MonitorPresetsFolder.RunAsync.
        Assert.Contains(typeof(MonitorCommandTests), starting);
        // Uses MonitorPresetsFolder too, but never its RunAsync: runs the commands in-process.
        Assert.DoesNotContain(typeof(MonitorCommandInProcessTests), starting);
    }

    private static bool HasKind(Type type, string kind) =>
        type.GetCustomAttributes().OfType<ITraitAttribute>()
            .SelectMany(attribute => attribute.GetTraits())
            .Contains(new KeyValuePair<string, string>(TestKinds.Trait, kind));

    private static readonly Lazy<List<Type>> StartingTheApp = new(() =>
    {
        var testNames = TestClasses.Select(type => Tests.GetITypeOfType(type).FullName).ToHashSet();
        var seeds = new[] { typeof(AppServer), typeof(AppProcess) }.Select(type => Tests.GetITypeOfType(type).FullName).ToHashSet();
        var methods = Tests.Types.SelectMany(type => type.Members).ToList();
        var slow = methods.Select(Key).Where(key => seeds.Contains(key.Type)).ToHashSet();
        // Helper methods (outside test classes) that call a slow method are slow too, until nothing changes.
        bool grew;
        do
        {
            grew = false;
            foreach (var method in methods.Where(method => !testNames.Contains(Key(method).Type) && Calls(method, slow)))
            {
                grew |= slow.Add(Key(method));
            }
        }
        while (grew);
        return TestClasses
            .Where(type => methods.Any(method => Key(method).Type == Tests.GetITypeOfType(type).FullName && Calls(method, slow)))
            .ToList();
    });

    private static bool Calls(IMember method, HashSet<(string Type, string Method)> slow) =>
        method.MemberDependencies.OfType<IMemberMemberDependency>().Any(dependency => slow.Contains(Key(dependency.TargetMember)));

    /// <summary>
    /// The source method a compiled member belongs to: async state machines, lambdas and local functions are compiled
    /// into nested types and oddly named members (<c>Rig+&lt;StartAsync&gt;d__12::MoveNext</c>); they count as their method.
    /// </summary>
    private static (string Type, string Method) Key(IMember member)
    {
        var type = member.DeclaringType.FullName;
        var nested = type.IndexOfAny(['+', '/']) is var at && at >= 0 && type.IndexOf('<', at) == at + 1 ? at : -1;
        var generatedType = nested >= 0 ? type[(nested + 1)..] : null;
        var outer = nested >= 0 ? type[..nested] : type;
        var name = member.Name.Split('(')[0];
        var method = name.StartsWith('<') ? Between(name)
            : generatedType is not null && !generatedType.StartsWith("<>", StringComparison.Ordinal) ? Between(generatedType)
            : name;
        return (outer, method);
    }

    private static string Between(string generated) => generated[1..generated.IndexOf('>', StringComparison.Ordinal)];
}
