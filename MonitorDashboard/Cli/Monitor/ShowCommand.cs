using System.CommandLine;

namespace MonitorDashboard.Cli.Monitor;

/// <summary><c>monitor show &lt;id&gt;</c>: every field of one list, its problems, and its next five runs.</summary>
internal static class ShowCommand
{
    private const int UpcomingRuns = 5;

    public static Command Create(MonitorCli cli)
    {
        var id = MonitorCommand.IdArgument();
        var command = new Command("show", "Show every field of a list, its validation and its next runs") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await cli.LoadListAsync(parse.GetValue(id)!, cancellationToken) is not { } found)
            {
                return CliApp.Failed;
            }
            MonitorListPrinter.WriteDetails(cli.Out, cli.View(found.Snapshot, found.Index, UpcomingRuns));
            return CliApp.Ok;
        });
        return command;
    }
}
