using System.CommandLine;
using MonitorDashboard.Cli.Monitor;
using MonitorDashboard.Configuration;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Notices;
using MonitorDashboard.Presets;
using MonitorDashboard.Text;

namespace MonitorDashboard.Cli;

/// <summary>
/// The command line in the same executable as the dashboard, on the same services.
/// System.CommandLine: Microsoft's parser, with POSIX conventions, help and typed options, and no
/// rendering layer we don't need.
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    private const string HashPassword = "hash-password";
    private static readonly string[] Commands = ["calc", "monitor", HashPassword];
    private static readonly string[] HelpWords = ["--help", "-h", "-?"];

    public static bool IsCliInvocation(string[] args) =>
        args.Length > 0 && (Commands.Contains(args[0], StringComparer.Ordinal) || HelpWords.Contains(args[0], StringComparer.Ordinal));

    /// <param name="stdin">Defaults to the console's input (hash-password reads it).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default, TextReader? stdin = null)
    {
        var hashPassword = HashPasswordCommand.Create(stdin ?? Console.In, stdin is null && !Console.IsInputRedirected, stdout, stderr);
        if (args.Length > 0 && args[0] == HashPassword)
        {
            // Before the host: a user fixing a broken Auth section must be able to make a hash while the rest is invalid.
            return await InvokeAsync(new RootCommand { hashPassword }, args, stdout, stderr, cancellationToken);
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            Args = [],
        });
        // stdout carries the command's output (tables or JSON); diagnostics go to stderr, warnings and up.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter((category, level) => level >= LogLevel.Warning);
        // The monitor commands report presets.json problems themselves, as one line; the store's own log line would repeat it.
        builder.Logging.AddFilter("MonitorDashboard.Presets.PresetsStore", LogLevel.None);
        // monitor run says itself why a list was not run ("already running in ..."), as one line; the runner's warning would repeat it.
        builder.Logging.AddFilter("MonitorDashboard.Monitoring.Checks.CheckRunner", LogLevel.Error);
        // "No ADMIN_EMAIL_RECIPIENTS configured" is the dashboard's reminder; a command's stderr is for its own result.
        builder.Logging.AddFilter("MonitorDashboard.Monitoring.Notices.AdminNoticeSender", LogLevel.Error);
        // monitor draft-orders prints each refused order and line with InvenTree's reason (and proposal problems) itself;
        // the writer's and the drafting's warnings would repeat them.
        builder.Logging.AddFilter("MonitorDashboard.InvenTree.InvenTreeOrderWriter", LogLevel.Error);
        builder.Logging.AddFilter("MonitorDashboard.Monitoring.Proposals", LogLevel.Error);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // How this process is named to the dashboard when both want to check the same list at once.
        builder.Services.AddSingleton(LeaseOwner.ForCurrentProcess("monitor run"));
        builder.AddMonitorDashboardCore();
        using var host = builder.Build();
        // The same start-up validation as the dashboard: every configuration problem at once.
        if (!ConfigurationProblems.ValidateAll(host.Services, stderr))
        {
            return Failed;
        }

        var root = new RootCommand("MonitorDashboard: watches parts lists in InvenTree and reports what to order or build.");
        root.Subcommands.Add(CalcCommand.Create(host.Services, stdout, stderr));
        root.Subcommands.Add(MonitorCommand.Create(host.Services, stdout, stderr));
        root.Subcommands.Add(hashPassword);

        // A command that finds the monitoring lists dropped by another program puts them back; the admins hear of it
        // as they would from the dashboard, before this process ends.
        using var restorations = host.Services.GetRequiredService<PresetsStore>().Subscribe(snapshot =>
        {
            if (snapshot.Restoration is { } restored)
            {
                host.Services.GetRequiredService<AdminNotifier>().ListsRestored(restored);
            }
        });
        var exitCode = await InvokeAsync(root, args, stdout, stderr, cancellationToken);
        await host.Services.GetRequiredService<AdminNoticeSender>().DrainAsync(cancellationToken);
        if (args.Length == 1 && HelpWords.Contains(args[0], StringComparer.Ordinal))
        {
            WriteConfiguration(stdout, host.Services.GetRequiredService<EffectiveConfiguration>());
        }
        return exitCode;
    }

    private static async Task<int> InvokeAsync(RootCommand root, string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        // No response files: "@daily" is a cron macro for --schedule, not a file of arguments to read.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            await stderr.WriteLineAsync("error: " + parsed.Errors[0].Message);
            return Usage;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
    }

    private static void WriteConfiguration(TextWriter output, EffectiveConfiguration configuration)
    {
        output.WriteLine("Without a command, MonitorDashboard serves the dashboard (ASP.NET Core options such as --urls apply).");
        output.WriteLine();
        output.WriteLine("Effective configuration (environment, .env, appsettings; secrets shown as set/not set):");
        var table = new TextTable("Setting", "Value");
        foreach (var entry in configuration.Entries())
        {
            table.Add(entry.Key, entry.Value);
        }
        output.Write(table);
    }
}
