using Xunit.v3;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// The "Kind" trait of the slow tests, so a local run can leave them out:
/// <c>dotnet test --filter "Kind!=Browser&amp;Kind!=Process"</c>. TestKindTraitTests keeps the tags honest.
/// </summary>
public static class TestKinds
{
    public const string Trait = "Kind";

    /// <summary>Drives a real browser (Playwright) against the app; these start the app too.</summary>
    public const string Browser = "Browser";

    /// <summary>Starts the real app in its own process (<see cref="AppServer"/>, <see cref="AppProcess"/>).</summary>
    public const string Process = "Process";
}

/// <summary>Tags every test in the class <c>Kind=Browser</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class BrowserTestsAttribute : Attribute, ITraitAttribute
{
    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(TestKinds.Trait, TestKinds.Browser)];
}

/// <summary>Tags every test in the class <c>Kind=Process</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ProcessTestsAttribute : Attribute, ITraitAttribute
{
    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(TestKinds.Trait, TestKinds.Process)];
}
