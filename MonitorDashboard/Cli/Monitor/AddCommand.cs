using System.CommandLine;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Cli.Monitor;

/// <summary>
/// <c>monitor add --name --parts|--parts-file --schedule --recipients [...]</c>: adds a list; the last line of the output is
/// its new id, so scripts can capture it.
/// </summary>
internal static class AddCommand
{
    public static Command Create(MonitorCli cli)
    {
        var fields = new ListFieldOptions(required: true);
        var inactive = new Option<bool>("--inactive") { Description = "Add the list paused; it runs once activated" };
        var command = new Command("add", "Add a monitoring list and print its id");
        fields.AddTo(command);
        command.Options.Add(inactive);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await cli.LoadAsync(cancellationToken) is not { } snapshot)
            {
                return CliApp.Failed;
            }
            var edit = fields.Read(parse);
            // No timezone unless given: the configured default then applies, as in lists the Python tool writes.
            var list = edit.ApplyTo(new MonitoringList { Active = !parse.GetValue(inactive), TimeZone = null });
            if (edit.Errors.Count > 0)
            {
                return await cli.RefuseAsync(edit.Errors, list, snapshot.MonitoringLists);
            }
            return await cli.SaveAsync(async () =>
            {
                var saved = await cli.Store.AddListAsync(list, snapshot.Version, cancellationToken);
                await cli.WarnAboutAsync(saved.Snapshot, saved.List.Id);
                var index = saved.Snapshot.MonitoringLists.ToList().IndexOf(saved.List);
                await cli.Out.WriteLineAsync($"Added list \"{saved.List.Name}\" ({Summary.State(cli.View(saved.Snapshot, index))})");
                await cli.Out.WriteLineAsync(saved.List.Id);
            });
        });
        return command;
    }
}
