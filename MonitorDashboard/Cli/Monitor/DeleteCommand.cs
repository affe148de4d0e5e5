using System.CommandLine;

namespace MonitorDashboard.Cli.Monitor;

/// <summary>
/// <c>monitor delete &lt;id&gt; [--yes]</c>: asks first when a person is at the terminal; a script must say --yes,
/// because a question nobody can answer would either hang it or delete silently.
/// </summary>
internal static class DeleteCommand
{
    public static Command Create(MonitorCli cli)
    {
        var id = MonitorCommand.IdArgument();
        var yes = new Option<bool>("--yes", "-y") { Description = "Delete without asking (required when stdin is not a terminal)" };
        var command = new Command("delete", "Delete a list (a copy of the previous file is kept in presets.json.bak)") { id, yes };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await cli.LoadListAsync(parse.GetValue(id)!, cancellationToken) is not { } found)
            {
                return CliApp.Failed;
            }
            var list = found.List;
            if (!parse.GetValue(yes))
            {
                if (!cli.Input.IsInteractive)
                {
                    return await cli.FailAsync("refusing to delete without --yes when stdin is not a terminal", CliApp.Usage);
                }
                await cli.Out.WriteAsync($"Delete list '{list.Name}' ({list.Id})? [y/N] ");
                await cli.Out.FlushAsync(cancellationToken);
                var answer = (await cli.Input.Reader.ReadLineAsync(cancellationToken))?.Trim();
                if (answer is null || !(answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase)))
                {
                    return await cli.FailAsync($"not deleted: list '{list.Name}' is kept");
                }
            }
            return await cli.SaveAsync(async () =>
            {
                await cli.Store.DeleteListAsync(list.Id, found.Snapshot.Version, cancellationToken);
                await cli.Out.WriteLineAsync($"Deleted list \"{list.Name}\" ({list.Id}); the previous file is in {Path.GetFileName(cli.Store.BackupPath)}");
            });
        });
        return command;
    }
}
