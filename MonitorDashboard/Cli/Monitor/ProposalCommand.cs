using System.CommandLine;
using MonitorDashboard.Monitoring.Proposals;

namespace MonitorDashboard.Cli.Monitor;

/// <summary>
/// <c>monitor proposal &lt;id&gt; [--json]</c>: the order proposal of the list's latest run with a result, as the run's
/// proposal page shows it (<see cref="RunProposals"/>). Writes nothing.
/// </summary>
internal static class ProposalCommand
{
    public static Command Create(MonitorCli cli, IServiceProvider services)
    {
        var id = MonitorCommand.IdArgument();
        var json = new Option<bool>("--json") { Description = "Print the proposal as JSON: suppliers with lines and totals, parts without a supplier apart" };
        var command = new Command("proposal", "Show the order proposal of the list's latest run: parts to order by supplier, in packs, with prices")
        {
            id, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await cli.LoadListAsync(parse.GetValue(id)!, cancellationToken) is not { } found)
            {
                return CliApp.Failed;
            }
            var proposal = await services.GetRequiredService<RunProposals>().ForLatestRunAsync(found.List.Id, cancellationToken);
            if (proposal is not { Proposal: { } ready, Run: { } run })
            {
                return await cli.FailAsync($"no order proposal for '{found.List.Name}': {proposal.Problem}");
            }
            if (proposal.OptionsNote is { } note)
            {
                await cli.WarnAsync(note);
            }
            if (parse.GetValue(json))
            {
                var body = ProposalJson.Of(ready);
                await cli.Out.WriteLineAsync(ProposalJson.Serialize(new
                {
                    run.RunId,
                    run.ListId,
                    run.ListName,
                    RunStartedAt = run.StartedAt,
                    body.Suppliers,
                    body.NoSupplier,
                }));
            }
            else
            {
                await cli.Out.WriteLineAsync(
                    $"Order proposal for {run.ListName}, from the run of {run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({run.RunId})");
                ProposalTables.Write(cli.Out, ready);
            }
            return CliApp.Ok;
        });
        return command;
    }
}
