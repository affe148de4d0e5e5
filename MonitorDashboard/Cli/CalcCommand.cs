using System.CommandLine;
using System.Text.Json.Nodes;
using MonitorDashboard.Calculation;
using MonitorDashboard.Calculation.Proposals;
using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Cli;

/// <summary><c>calc "Part A:10" "Part B@rev:5" [--json] [...]</c>: the Python tool's calculation on the command line.</summary>
internal static class CalcCommand
{
    public static Command Create(IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        var parts = new Argument<string[]>("parts")
        {
            Description = "Parts and quantities: \"Name:qty\", \"Name@Revision:qty\" or \"pk:qty\"",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of tables" };
        var excludeOptional = new Option<bool>("--exclude-optional") { Description = "Do not explode optional BOM lines" };
        var countOnOrder = new Option<bool>("--count-on-order") { Description = "Subtract parts on order from what to order" };
        var replenish = new Option<bool>("--replenish-to-minimum")
        {
            Description = "Also order what brings each part back to its minimum stock after the demand",
        };
        var hideConsumables = new Option<bool>("--hide-consumables") { Description = "Leave consumable parts out of the tables" };
        var hideOptional = new Option<bool>("--hide-optional") { Description = "Leave parts flagged optional out of the tables (numbers unchanged)" };
        var inProduction = new Option<string>("--in-production")
        {
            Description = "What counts as in production: scheduled (InvenTree's scheduled_to_build, default), " +
                          "building (the part's building field) or legacy (the Python tool's default: is_building stock " +
                          "items incl. variants + remaining quantity of Pending and Production build orders)",
            DefaultValueFactory = _ => InProductionRule.Scheduled.Name(),
            HelpName = string.Join('|', InProductionRules.Names),
        };
        // A validator rather than AcceptOnlyFromAmong: its message spans several lines, and errors are one line.
        inProduction.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!InProductionRules.TryParse(value, out _))
            {
                result.AddError($"--in-production must be {InProductionRules.Choices}, not \"{value}\"");
            }
        });
        var excludeSupplier = new Option<string[]>("--exclude-supplier")
        {
            Description = "Leave parts supplied by this supplier out of the tables (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };

        var proposal = new Option<bool>("--proposal")
        {
            Description = "Also print the order proposal: the parts to order by supplier, in packs, with prices (with --json: a \"proposal\" key)",
        };

        var command = new Command("calc", "Calculate what to order and build for the given parts")
        {
            parts, json, excludeOptional, countOnOrder, replenish, hideConsumables, hideOptional, inProduction, excludeSupplier, proposal,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var requests = new List<PartRequest>();
            foreach (var text in parse.GetValue(parts) ?? [])
            {
                if (!PartRequestParser.TryParse(text, out var request, out var error))
                {
                    await stderr.WriteLineAsync("error: " + error);
                    return CliApp.Usage;
                }
                requests.Add(request);
            }
            var options = new CalculationOptions
            {
                ExcludeOptional = parse.GetValue(excludeOptional),
                CountOnOrder = parse.GetValue(countOnOrder),
                ReplenishToMinimum = parse.GetValue(replenish),
                HideConsumables = parse.GetValue(hideConsumables),
                HideOptional = parse.GetValue(hideOptional),
                InProduction = InProductionRules.TryParse(parse.GetValue(inProduction), out var rule) ? rule : InProductionRule.Scheduled,
                ExcludeSuppliers = parse.GetValue(excludeSupplier) ?? [],
            };

            CalculationRun run;
            OrderProposal? proposed = null;
            try
            {
                run = await services.GetRequiredService<CalculationService>().RunAsync(requests, options, cancellationToken);
                if (parse.GetValue(proposal))
                {
                    proposed = await services.GetRequiredService<OrderProposalService>().BuildAsync(run.Result, options, cancellationToken);
                }
            }
            catch (InvenTreeException ex)
            {
                await stderr.WriteLineAsync("error: " + ex.Message);
                return CliApp.Failed;
            }

            if (parse.GetValue(json))
            {
                var document = CalcJson.Serialize(run, options.InProduction, options.ReplenishToMinimum);
                if (proposed is not null)
                {
                    // The calculation's keys as they are, the proposal one key more.
                    var node = JsonNode.Parse(document)!.AsObject();
                    node["proposal"] = JsonNode.Parse(ProposalJson.Serialize(ProposalJson.Of(proposed)));
                    document = node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
                }
                await stdout.WriteLineAsync(document);
            }
            else
            {
                CalcTables.Write(stdout, run);
                if (proposed is not null)
                {
                    await stdout.WriteLineAsync();
                    await stdout.WriteLineAsync("ORDER PROPOSAL");
                    ProposalTables.Write(stdout, proposed);
                }
            }
            return CliApp.Ok;
        });
        return command;
    }
}
