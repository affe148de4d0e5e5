using System.CommandLine;
using System.Text.Json;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Notices;

namespace MonitorDashboard.Cli.Monitor;

/// <summary>
/// <c>monitor run &lt;id&gt; [--dry-run] [--json] [--html FILE]</c>: one check now, through the same pipeline as the
/// scheduler (calculation, report, sending, last_hash, history). <c>--dry-run</c> prints the email instead of
/// sending it and writes nothing.
/// </summary>
internal static class RunCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static Command Create(MonitorCli cli, IServiceProvider services)
    {
        var id = MonitorCommand.IdArgument();
        var dryRun = new Option<bool>("--dry-run") { Description = "Calculate and render the report, but send nothing and change nothing" };
        var json = new Option<bool>("--json") { Description = "Print the run (outcome, counts, result, delivery) as JSON" };
        var html = new Option<string?>("--html") { Description = "Also write the report's HTML part to this file" };
        var command = new Command("run", "Check one list now: calculate, report, send") { id, dryRun, json, html };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await cli.LoadListAsync(parse.GetValue(id)!, cancellationToken) is not { } found)
            {
                return CliApp.Failed;
            }
            var isDryRun = parse.GetValue(dryRun);
            var runner = services.GetRequiredService<CheckRunner>();
            var outcome = await runner.RunAsync(new CheckRequest(found.List.Id, RunTrigger.Cli, DryRun: isDryRun), cancellationToken);
            // No background service in a command: admin notices the run caused go out before the process ends.
            await services.GetRequiredService<AdminNoticeSender>().DrainAsync(cancellationToken);
            if (outcome.Run is not { } run)
            {
                return await cli.FailAsync(outcome.Message);
            }

            if (parse.GetValue(html) is { Length: > 0 } path && run.Email is { } rendered)
            {
                await File.WriteAllTextAsync(path, rendered.HtmlBody, cancellationToken);
            }
            if (parse.GetValue(json))
            {
                await cli.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    run.Summary.RunId,
                    run.Summary.ListId,
                    run.Summary.ListName,
                    run.Summary.Outcome,
                    run.Summary.Counts,
                    run.Summary.Hash,
                    run.Summary.Changed,
                    DryRun = isDryRun,
                    Message = outcome.Message,
                    Email = run.Email is { } e ? new { e.Subject, e.To } : null,
                    Delivery = run.Delivery,
                    run.Summary.Error,
                    run.Result,
                }, Json));
            }
            else if (isDryRun && run.Email is { } email)
            {
                await cli.Out.WriteLineAsync($"To: {string.Join(", ", email.To)}");
                await cli.Out.WriteLineAsync($"Subject: {email.Subject}");
                await cli.Out.WriteLineAsync();
                await cli.Out.WriteLineAsync(email.TextBody);
            }
            else
            {
                // The outcome in the words the dashboard uses; the message only when it adds to them ("no change, no email").
                var label = RunOutcomeText.Label(run.Summary.Outcome);
                await cli.Out.WriteLineAsync(outcome.Message == label
                    ? $"{run.Summary.ListName}: {label}"
                    : $"{run.Summary.ListName}: {label} — {outcome.Message}");
            }
            if (isDryRun && run.Email is null)
            {
                await cli.WarnAsync("nothing would be sent: " + outcome.Message);
            }
            return run.Summary.Outcome is RunOutcome.Failed or RunOutcome.EmailFailed or RunOutcome.Interrupted ? CliApp.Failed : CliApp.Ok;
        });
        return command;
    }
}
