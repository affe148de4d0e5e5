using System.CommandLine;

namespace MonitorDashboard.Cli.Monitor;

/// <summary>
/// <c>monitor validate</c>: checks the whole file as the dashboard would load it. Exit 1 when the file is
/// malformed or any list is invalid, so it can guard a hand edit or a deployment.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(MonitorCli cli)
    {
        var command = new Command("validate", "Check presets.json: its JSON and every monitoring list");
        command.SetAction(async (_, cancellationToken) =>
        {
            if (await cli.LoadAsync(cancellationToken) is not { } snapshot)
            {
                return CliApp.Failed;
            }
            var views = Enumerable.Range(0, snapshot.MonitoringLists.Count).Select(i => cli.View(snapshot, i)).ToList();
            foreach (var v in views)
            {
                var label = string.IsNullOrWhiteSpace(v.List.Name) ? $"#{v.Validation.Index + 1}" : $"\"{v.List.Name}\"";
                await cli.Out.WriteLineAsync($"{(v.IsValid ? "valid  " : "INVALID")}  {label} ({(string.IsNullOrWhiteSpace(v.List.Id) ? "no id" : v.List.Id)})");
                foreach (var error in v.Validation.Errors)
                {
                    await cli.Out.WriteLineAsync("           error: " + error.Detail.ReplaceLineEndings(" "));
                }
                foreach (var warning in v.Warnings)
                {
                    await cli.Out.WriteLineAsync("           warning: " + warning.ReplaceLineEndings(" "));
                }
            }
            var invalid = views.Count(v => !v.IsValid);
            var lists = views.Count == 1 ? "1 list" : $"{views.Count} lists";
            if (invalid == 0)
            {
                await cli.Out.WriteLineAsync($"{cli.FileName}: {lists}, all valid");
                return CliApp.Ok;
            }
            await cli.Out.WriteLineAsync($"{cli.FileName}: {lists}, {invalid} invalid");
            return await cli.FailAsync($"{cli.FileName}: {invalid} of {lists} {(invalid == 1 ? "is" : "are")} invalid; invalid lists are not scheduled");
        });
        return command;
    }
}
