using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Cli.Monitor;
using MonitorDashboard.Presets;
using static MonitorDashboard.Tests.Cli.Monitor.MonitorPresetsFolder;

namespace MonitorDashboard.Tests.Cli.Monitor;

/// <summary>
/// The monitor commands on the app's real services, in-process: for what a child process cannot show — a person
/// answering the delete question, exact next-run times on a fake clock, and a file changed between load and save.
/// </summary>
public sealed class MonitorCommandInProcessTests
{
    // Monday 2 June 2025, 08:00 UTC = 10:00 in Berlin (CEST, +02:00).
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);

    private sealed record Outcome(int ExitCode, string StdOut, string StdErr);

    private static async Task<Outcome> RunAsync(
        MonitorPresetsFolder presets, string[] args, string? typed = null, Action<PresetsStore>? arrange = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = presets.Folder });
        builder.Configuration[PresetsOptions.FilePathKey] = presets.FilePath;
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        builder.AddPresets();
        using var host = builder.Build();
        arrange?.Invoke(host.Services.GetRequiredService<PresetsStore>());

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var input = new ConsoleInput(new StringReader(typed ?? ""), IsInteractive: typed is not null);
        var root = new RootCommand { MonitorCommand.Create(host.Services, stdout, stderr, input) };
        var parsed = root.Parse(["monitor", .. args], new ParserConfiguration { ResponseFileTokenReplacer = null });
        Assert.Empty(parsed.Errors);
        var exitCode = await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, TestContext.Current.CancellationToken);
        return new Outcome(exitCode, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Next_runs_are_local_times_in_the_lists_own_zone_with_its_offset()
    {
        using var presets = new MonitorPresetsFolder();

        var table = await RunAsync(presets, ["list"]);
        var json = await RunAsync(presets, ["list", "--json"]);
        var show = await RunAsync(presets, ["show", "3f1c"]);

        Assert.Matches(@"Europe/Berlin\s+Tue 2025-06-03 07:00 \+02:00\s", table.StdOut);
        using var document = JsonDocument.Parse(json.StdOut);
        Assert.Equal("2025-06-03T07:00:00+02:00", document.RootElement[0].GetProperty("next_run").GetString());
        Assert.Contains(
            "Next runs\n  Tue 2025-06-03 07:00 +02:00\n  Wed 2025-06-04 07:00 +02:00\n  Thu 2025-06-05 07:00 +02:00\n" +
            "  Fri 2025-06-06 07:00 +02:00\n  Mon 2025-06-09 07:00 +02:00\n",
            show.StdOut.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_at_a_terminal_asks_and_only_yes_deletes()
    {
        using var presets = new MonitorPresetsFolder();

        var declined = await RunAsync(presets, ["delete", "3f9b"], typed: "\n");

        Assert.Equal(1, declined.ExitCode);
        Assert.StartsWith($"Delete list 'Sensor spares' ({SparesId})? [y/N] ", declined.StdOut, StringComparison.Ordinal);
        Assert.Equal("error: not deleted: list 'Sensor spares' is kept", declined.StdErr.Trim());
        Assert.Equal(presets.Original, presets.Text);

        var confirmed = await RunAsync(presets, ["delete", "3f9b"], typed: "y\n");

        Assert.Equal(0, confirmed.ExitCode);
        Assert.Contains("Deleted list \"Sensor spares\"", confirmed.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain(SparesId, presets.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_changed_between_load_and_save_is_not_overwritten()
    {
        using var presets = new MonitorPresetsFolder();
        var edited = presets.Original.Replace("\"Sensor spares\"", "\"Sensor spares (edited)\"", StringComparison.Ordinal);

        // Someone else saves right after the command has read the file.
        var result = await RunAsync(presets, ["deactivate", "3f1c"],
            arrange: store => store.Subscribe(_ => File.WriteAllText(presets.FilePath, edited)));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: presets.json was changed by someone else since it was loaded; reload and try again", result.StdErr.Trim());
        Assert.Equal(edited, presets.Text);
    }
}
