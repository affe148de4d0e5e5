using System.Globalization;
using MonitorDashboard.Text;

namespace MonitorDashboard.Cli.Monitor;

/// <summary>Text output of <c>monitor list</c> (one table) and <c>monitor show</c> (every field of one list).</summary>
internal static class MonitorListPrinter
{
    public static void WriteTable(TextWriter output, IReadOnlyList<MonitorListView> views)
    {
        var table = new TextTable("Name", "Id", "Active", "Schedule", "Runs", "Time zone", "Next run", "Recipients", "Notify", "Status");
        foreach (var v in views)
        {
            table.Add(v.List.Name, v.List.Id, v.List.Active ? "yes" : "no", v.List.CronSchedule, v.ScheduleDescription ?? "-",
                v.TimeZoneLabel, NextRunCell(v), Recipients(v), v.List.NotifyCondition, v.Status);
        }
        output.Write(table);
    }

    public static void WriteDetails(TextWriter output, MonitorListView v)
    {
        var list = v.List;
        void Field(string label, string value) => output.WriteLine($"{label + ":",-18}{value.ReplaceLineEndings(" ")}");

        Field("Name", list.Name);
        Field("Id", list.Id);
        Field("Active", list.Active ? "yes" : "no (paused)");
        Field("Schedule", list.CronSchedule);
        Field("Runs", v.ScheduleDescription ?? "-");
        Field("Time zone", v.TimeZoneLabel);
        Field("Recipients", Recipients(v));
        Field("Notify", list.NotifyCondition);
        Field("Last hash", list.LastHash ?? "(none)");
        if (list.Extra is { Count: > 0 } extra)
        {
            // Keys the Python tool (or a person) wrote that this app does not use; they are kept on every save.
            Field("Other keys", string.Join(", ", extra.Select(kv => $"{kv.Key}={kv.Value.GetRawText()}")));
        }
        Field("Status", v.IsValid ? "valid" : "invalid");
        WriteItems(output, "Errors", v.Validation.Errors.Select(e => e.Detail).ToList());
        WriteItems(output, "Warnings", v.Warnings);

        output.WriteLine();
        output.WriteLine($"Parts ({list.Parts.Count})");
        var parts = new TextTable("Part", "Revision", "Quantity").AlignRight(2);
        foreach (var part in list.Parts)
        {
            parts.Add(part.Name, part.Version ?? "", part.Quantity.ToString(CultureInfo.InvariantCulture));
        }
        output.Write(parts);

        output.WriteLine();
        output.WriteLine(v.WillRun ? "Next runs" : v.IsValid ? "Next runs (paused: none happen until the list is activated)" : "Next runs: none, the list is invalid");
        foreach (var run in v.IsValid ? v.UpcomingRuns : [])
        {
            output.WriteLine("  " + MonitorListView.FormatRun(run));
        }
    }

    private static void WriteItems(TextWriter output, string title, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }
        output.WriteLine(title + ":");
        foreach (var item in items)
        {
            output.WriteLine("  - " + item.ReplaceLineEndings(" "));
        }
    }

    private static string NextRunCell(MonitorListView v) =>
        !v.IsValid ? "-"
        : !v.List.Active ? "paused"
        : v.NextRun is { } next ? MonitorListView.FormatRun(next)
        : "never";

    private static string Recipients(MonitorListView v) => v.List.Recipients.Count == 0 ? "-" : string.Join(", ", v.List.Recipients);
}
