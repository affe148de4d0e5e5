using System.CommandLine;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Cli.Monitor;

/// <summary>
/// <c>monitor update &lt;id&gt; [--name] [--parts|--parts-file] [--schedule] [--recipients] [--timezone] [--notify-condition] [--active]</c>:
/// changes only the fields given; every other field and every key this app does not know stays as it was.
/// </summary>
internal static class UpdateCommand
{
    public static Command Create(MonitorCli cli)
    {
        var id = MonitorCommand.IdArgument();
        var fields = new ListFieldOptions(required: false);
        var active = ListFieldOptions.CreateActive();
        var command = new Command("update", "Change fields of a list; fields not given stay as they are") { id };
        fields.AddTo(command);
        command.Options.Add(active);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var edit = fields.Read(parse) with { Active = ListFieldOptions.ReadActive(parse, active) };
            if (edit.IsEmpty)
            {
                return await cli.FailAsync(
                    "nothing to change: give at least one of --name, --parts, --parts-file, --schedule, --recipients, --timezone, --notify-condition, --active",
                    CliApp.Usage);
            }
            if (await cli.LoadListAsync(parse.GetValue(id)!, cancellationToken) is not { } found)
            {
                return CliApp.Failed;
            }
            var updated = edit.ApplyTo(found.List);
            if (edit.Errors.Count > 0)
            {
                return await cli.RefuseAsync(edit.Errors, updated, found.Others);
            }
            return await cli.SaveAsync(async () =>
            {
                // Pausing or resuming alone is allowed on a list that already has errors, as in the dashboard.
                var saved = edit.ChangesOnlyActive
                    ? await cli.Store.SetActiveAsync(found.List.Id, edit.Active!.Value, found.Snapshot.Version, cancellationToken)
                    : await cli.Store.UpdateListAsync(updated, found.Snapshot.Version, cancellationToken);
                await cli.WarnAboutAsync(saved, updated.Id);
                await cli.Out.WriteLineAsync($"Updated list \"{updated.Name}\" ({updated.Id}): {State(cli, saved, updated.Id)}");
            });
        });
        return command;
    }

    private static string State(MonitorCli cli, PresetsSnapshot saved, string listId)
    {
        var index = saved.MonitoringLists.ToList().FindIndex(l => string.Equals(l.Id, listId, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? "saved" : Summary.State(cli.View(saved, index));
    }
}
