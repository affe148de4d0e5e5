using System.Globalization;

namespace MonitorDashboard.Monitoring.Proposals;

/// <summary>What a drafted order and its lines say in InvenTree, within InvenTree's field lengths.</summary>
internal static class DraftOrderText
{
    /// <summary>InvenTree's <c>description</c> of a purchase order holds 250 characters, a line's <c>reference</c> 100.</summary>
    private const int MaxListName = 100;
    private const int MaxLineReference = 100;

    /// <summary>
    /// Names the list and the run. The run id is always there in full: it is how an order created just before a crash
    /// (or whose answer was lost) is recognised as this run's, instead of being created a second time.
    /// </summary>
    public static string Description(DraftRun run) => string.Create(CultureInfo.InvariantCulture,
        $"Drafted by MonitorDashboard from monitoring list \"{Shorten(run.ListName, MaxListName)}\", run {Marker(run)} of {run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");

    /// <summary>The run's id as it appears in the description.</summary>
    public static string Marker(DraftRun run) => run.RunId.ToString("D");

    public static string LineReference(DraftRun run) => Shorten("monitoring list " + run.ListName, MaxLineReference);

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
