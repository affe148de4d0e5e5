using System.CommandLine;

namespace MonitorDashboard.Cli.Monitor;

/// <summary><c>monitor list [--json]</c>: every list with its schedule, next run and validity.</summary>
internal static class ListCommand
{
    public static Command Create(MonitorCli cli)
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table" };
        var command = new Command("list", "List the monitoring lists with schedule, next run and validity") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await cli.LoadAsync(cancellationToken) is not { } snapshot)
            {
                return CliApp.Failed;
            }
            var views = Enumerable.Range(0, snapshot.MonitoringLists.Count).Select(i => cli.View(snapshot, i)).ToList();
            if (parse.GetValue(json))
            {
                await cli.Out.WriteLineAsync(MonitorListJson.Serialize(views));
            }
            else if (views.Count == 0)
            {
                await cli.Out.WriteLineAsync($"No monitoring lists in {snapshot.FilePath}; add one with 'monitor add'.");
            }
            else
            {
                MonitorListPrinter.WriteTable(cli.Out, views);
            }
            return CliApp.Ok;
        });
        return command;
    }
}
