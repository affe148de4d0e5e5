using System.CommandLine;

namespace MonitorDashboard.Cli.Monitor;

/// <summary><c>monitor activate &lt;id&gt;</c> and <c>monitor deactivate &lt;id&gt;</c>: resume or pause a list.</summary>
internal static class ActivationCommands
{
    public static Command Create(MonitorCli cli, bool active)
    {
        var id = MonitorCommand.IdArgument();
        var command = new Command(
            active ? "activate" : "deactivate",
            active ? "Resume a list: it runs on its schedule again" : "Pause a list: it keeps its settings but does not run") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await cli.LoadListAsync(parse.GetValue(id)!, cancellationToken) is not { } found)
            {
                return CliApp.Failed;
            }
            var list = found.List;
            if (list.Active == active)
            {
                // Nothing to write; rewriting would only reformat a hand-edited file.
                await cli.Out.WriteLineAsync($"List \"{list.Name}\" ({list.Id}) is already {(active ? "active" : "paused")}");
                return CliApp.Ok;
            }
            return await cli.SaveAsync(async () =>
            {
                var saved = await cli.Store.SetActiveAsync(list.Id, active, found.Snapshot.Version, cancellationToken);
                var view = cli.View(saved, found.Index);
                await cli.Out.WriteLineAsync($"List \"{list.Name}\" ({list.Id}) is now {Summary.State(view)}");
            });
        });
        return command;
    }
}
