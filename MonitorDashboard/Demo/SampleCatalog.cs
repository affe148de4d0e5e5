using MonitorDashboard.InvenTreeEmulator;

namespace MonitorDashboard.Demo;

/// <summary>
/// The sample catalog the app ships (Demo/sample-catalog.json, embedded in the app so demo mode works from any
/// folder): demo mode serves it through the emulator, and tests and benchmarks use it as their standard data.
/// </summary>
internal static class SampleCatalog
{
    /// <summary>The manifest name under which the sample catalog is embedded.</summary>
    public const string Resource = "MonitorDashboard.Demo.sample-catalog.json";

    /// <summary>Loads the sample catalog embedded in the application.</summary>
    /// <exception cref="InvalidOperationException">The build did not embed MonitorDashboard/Demo/sample-catalog.json.</exception>
    public static InvenTreeFixture Load()
    {
        using var stream = typeof(SampleCatalog).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException(
                $"The sample catalog is not embedded in this build (resource '{Resource}'); " +
                "MonitorDashboard/Demo/sample-catalog.json must exist when the application is built.");
        return InvenTreeFixture.Parse(stream);
    }
}
