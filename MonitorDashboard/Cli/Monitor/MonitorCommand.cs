using System.CommandLine;
using Microsoft.Extensions.Options;
using MonitorDashboard.Cron;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Cli.Monitor;

/// <summary>
/// <c>monitor list|show|add|update|delete|activate|deactivate|validate|run|proposal|draft-orders</c>: the monitoring lists in presets.json,
/// changed through the same <see cref="PresetsStore"/> and validation as the dashboard.
/// </summary>
internal static class MonitorCommand
{
    public static Command Create(IServiceProvider services, TextWriter stdout, TextWriter stderr, ConsoleInput? input = null)
    {
        var cli = new MonitorCli(
            services.GetRequiredService<PresetsStore>(),
            services.GetRequiredService<MonitoringListValidator>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IOptions<ScheduleOptions>>().Value,
            stdout, stderr, input ?? ConsoleInput.FromConsole());
        return new Command("monitor", "Manage the monitoring lists in presets.json")
        {
            ListCommand.Create(cli),
            ShowCommand.Create(cli),
            AddCommand.Create(cli),
            UpdateCommand.Create(cli),
            DeleteCommand.Create(cli),
            ActivationCommands.Create(cli, active: true),
            ActivationCommands.Create(cli, active: false),
            ValidateCommand.Create(cli),
            RunCommand.Create(cli, services),
            ProposalCommand.Create(cli, services),
            DraftOrdersCommand.Create(cli, services),
        };
    }

    /// <summary>The <c>&lt;id&gt;</c> argument every single-list command takes.</summary>
    public static Argument<string> IdArgument() => new("id") { Description = "The list's id, or a prefix of it that only one list has" };
}
