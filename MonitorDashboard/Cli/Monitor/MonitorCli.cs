using MonitorDashboard.Cron;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Cli.Monitor;

/// <summary>
/// What the <c>monitor</c> commands share: the presets store and validator the dashboard uses, the clock, the
/// console, and the error convention (one line on stderr, exit 1 for refusals, 2 for usage).
/// </summary>
internal sealed class MonitorCli(
    PresetsStore store, MonitoringListValidator validator, TimeProvider time, ScheduleOptions schedule,
    TextWriter stdout, TextWriter stderr, ConsoleInput input)
{
    public PresetsStore Store => store;

    public MonitoringListValidator Validator => validator;

    public TimeProvider Time => time;

    public TextWriter Out => stdout;

    public ConsoleInput Input => input;

    /// <summary>The file name as users know it ("presets.json"), for summaries.</summary>
    public string FileName => Path.GetFileName(store.FilePath);

    public async Task<int> FailAsync(string message, int exitCode = CliApp.Failed)
    {
        await stderr.WriteLineAsync("error: " + message.ReplaceLineEndings(" "));
        return exitCode;
    }

    public Task WarnAsync(string message) => stderr.WriteLineAsync("warning: " + message.ReplaceLineEndings(" "));

    /// <summary>
    /// Loads presets.json; a file that cannot be used is reported (malformed ones with line and column) and null returned.
    /// Lists put back after another program dropped them are mentioned on stderr.
    /// </summary>
    public async Task<PresetsSnapshot?> LoadAsync(CancellationToken cancellationToken)
    {
        PresetsSnapshot snapshot;
        try
        {
            snapshot = await store.LoadAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await FailAsync($"could not read {store.FilePath}: {ex.Message}");
            return null;
        }
        if (snapshot.FileError is { } error)
        {
            await FailAsync(error.ToString());
            return null;
        }
        if (snapshot.Restoration is { } restored)
        {
            // The store's own log line is filtered out of the CLI's output; this is the user's only hint.
            await WarnAsync($"{store.FilePath} had been saved without its monitoring lists (the Python tool drops them); put back "
                + $"{string.Join(", ", restored.ListNames.Select(n => $"\"{n}\""))}; the file as found is kept in {restored.BackupPath}");
        }
        return snapshot;
    }

    /// <summary>Loads the file and finds the list by id or unique id prefix; reports and returns null when that fails.</summary>
    public async Task<ResolvedList?> LoadListAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } snapshot)
        {
            return null;
        }
        var resolution = ListIdResolver.Resolve(snapshot.MonitoringLists, idOrPrefix);
        if (resolution.Error is not null)
        {
            await FailAsync(resolution.Error);
            return null;
        }
        return new ResolvedList(snapshot, resolution.Index);
    }

    /// <summary>Runs a store write; its refusals (invalid list, conflict, broken file, I/O) become one error line and exit 1.</summary>
    public async Task<int> SaveAsync(Func<Task> save)
    {
        try
        {
            await save();
            return CliApp.Ok;
        }
        catch (PresetsValidationException ex)
        {
            return await FailAsync(CliValidationText.Join(ex.Errors.Select(CliValidationText.Describe)));
        }
        catch (PresetsException ex)
        {
            return await FailAsync(ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return await FailAsync($"could not write {store.FilePath}: {ex.Message}");
        }
    }

    /// <summary>
    /// Refuses input the command line could not even turn into a list (bad --parts), together with everything
    /// else the validator finds in the other fields, so one attempt shows every problem.
    /// </summary>
    public Task<int> RefuseAsync(IReadOnlyList<string> inputErrors, MonitoringList candidate, IReadOnlyCollection<MonitoringList> others)
    {
        var fromValidator = validator.Validate(candidate, others).Errors
            .Where(e => e.Field is not ("parts" or "id"))
            .Select(CliValidationText.Describe);
        return FailAsync(CliValidationText.Join(inputErrors.Concat(fromValidator)));
    }

    public MonitorListView View(PresetsSnapshot snapshot, int index, int upcoming = 1) =>
        MonitorListView.Create(snapshot.MonitoringLists[index], snapshot.Validation[index], validator, schedule, upcoming);

    /// <summary>Prints the saved list's warnings (not errors: it was saved) to stderr.</summary>
    public async Task WarnAboutAsync(PresetsSnapshot saved, string listId)
    {
        var index = saved.MonitoringLists.ToList().FindIndex(l => string.Equals(l.Id, listId, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return;
        }
        foreach (var warning in View(saved, index).Warnings)
        {
            await WarnAsync(warning);
        }
    }
}

/// <summary>A list found by id in a snapshot; <see cref="Index"/> is its position in <c>monitoring_lists</c>.</summary>
internal sealed record ResolvedList(PresetsSnapshot Snapshot, int Index)
{
    public MonitoringList List => Snapshot.MonitoringLists[Index];

    public IReadOnlyList<MonitoringList> Others => Snapshot.MonitoringLists.Where((_, i) => i != Index).ToList();
}

/// <summary>Standard input, and whether a person is typing on it (only then may a command ask a question).</summary>
internal sealed record ConsoleInput(TextReader Reader, bool IsInteractive)
{
    public static ConsoleInput FromConsole() => new(Console.In, !Console.IsInputRedirected);
}
