using System.CommandLine;
using MonitorDashboard.Monitoring.Proposals;
using MonitorDashboard.Security;

namespace MonitorDashboard.Cli.Monitor;

/// <summary>
/// <c>monitor draft-orders &lt;id&gt; [--yes]</c>: the list's latest run with a result, drafted as Pending purchase orders in
/// InvenTree exactly as the dashboard does (<see cref="DraftOrders"/>). Prints the plan and asks at a terminal; a script
/// must say --yes. Exit 1 when anything was refused or not sent.
/// </summary>
internal static class DraftOrdersCommand
{
    public static Command Create(MonitorCli cli, IServiceProvider services)
    {
        var id = MonitorCommand.IdArgument();
        var yes = new Option<bool>("--yes", "-y") { Description = "Create without asking (required when stdin is not a terminal)" };
        var command = new Command("draft-orders",
            "Create Pending purchase orders in InvenTree from the order proposal of the list's latest run (one per supplier; never placed)") { id, yes };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await cli.LoadListAsync(parse.GetValue(id)!, cancellationToken) is not { } found)
            {
                return CliApp.Failed;
            }
            var proposal = await services.GetRequiredService<RunProposals>().ForLatestRunAsync(found.List.Id, cancellationToken);
            if (proposal is not { Proposal: { } orderProposal, Run: { } summary })
            {
                return await cli.FailAsync($"list '{found.List.Name}': {proposal.Problem}");
            }
            if (proposal.OptionsNote is { } note)
            {
                await cli.WarnAsync(note);
            }
            var run = DraftRun.Of(summary);
            var drafts = services.GetRequiredService<DraftOrders>();
            var plan = await drafts.PlanAsync(run, orderProposal, cancellationToken);
            await DraftOrdersPrinter.PlanAsync(cli.Out, plan);
            if (plan.NothingToCreate)
            {
                return CliApp.Ok;
            }
            if (!parse.GetValue(yes))
            {
                if (!cli.Input.IsInteractive)
                {
                    return await cli.FailAsync("refusing to create draft orders without --yes when stdin is not a terminal; nothing was sent", CliApp.Usage);
                }
                await cli.Out.WriteAsync($"Create {DraftPlanText.Summary(plan)} in InvenTree? [y/N] ");
                await cli.Out.FlushAsync(cancellationToken);
                var answer = (await cli.Input.Reader.ReadLineAsync(cancellationToken))?.Trim();
                if (answer is null || !(answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase)))
                {
                    return await cli.FailAsync("nothing was created");
                }
            }
            // The command line's user is trusted by file access, like every monitor command (README, "Security model").
            var outcome = await drafts.CreateAsync(run, orderProposal, CommandLineUser.Instance, cancellationToken);
            await DraftOrdersPrinter.OutcomeAsync(cli.Out, outcome);
            if (outcome.Problem is { } problem)
            {
                return await cli.FailAsync(problem);
            }
            return outcome.AnyFailed ? await cli.FailAsync("some orders or lines were not created (see above); run the command again to create only what is missing") : CliApp.Ok;
        });
        return command;
    }
}
