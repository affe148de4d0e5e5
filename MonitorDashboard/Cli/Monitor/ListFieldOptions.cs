using System.CommandLine;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Cli.Monitor;

/// <summary>The options that set a list's fields, shared by <c>add</c> (where the core ones are required) and <c>update</c>.</summary>
internal sealed class ListFieldOptions
{
    public ListFieldOptions(bool required)
    {
        Name = new Option<string>("--name") { Description = "Name of the list (unique)", Required = required };
        _partsRequired = required;
        Parts = new Option<string>("--parts")
        {
            Description = "Parts and quantities, comma-separated: \"Name:qty\" or \"Name@Revision:qty\", e.g. \"Widget Assembly:10,Doohickey@B:5\"",
        };
        PartsFile = new Option<string>("--parts-file")
        {
            Description = "Read the parts from a file instead: CSV lines name,quantity[,revision] (header optional) or a JSON list of "
                + "{\"name\", \"quantity\", \"version\"}; at most 1 MB",
            HelpName = "FILE",
        };
        Schedule = new Option<string>("--schedule")
        {
            Description = "Cron expression (5 fields, 6 with seconds first, or a macro such as @daily), e.g. \"0 7 * * 1-5\"",
            Required = required,
        };
        Recipients = new Option<string>("--recipients") { Description = "Email addresses, comma-separated", Required = required };
        TimeZone = new Option<string>("--timezone")
        {
            Description = "IANA time zone of the schedule, e.g. Europe/Berlin (default: the configured Monitoring:TimeZone; \"\" resets to it)",
        };
        NotifyCondition = new Option<string>("--notify-condition")
        {
            Description = "When to email: on_change (default) or always",
            HelpName = "on_change|always",
        };
        // A validator rather than AcceptOnlyFromAmong: its message spans several lines, and errors are one line.
        NotifyCondition.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not (NotifyConditions.OnChange or NotifyConditions.Always))
            {
                result.AddError($"--notify-condition must be on_change or always, not \"{value}\"");
            }
        });
    }

    public Option<string> Name { get; }

    private readonly bool _partsRequired;

    public Option<string> Parts { get; }

    public Option<string> PartsFile { get; }

    public Option<string> Schedule { get; }

    public Option<string> Recipients { get; }

    public Option<string> TimeZone { get; }

    public Option<string> NotifyCondition { get; }

    /// <summary>
    /// <c>--active true|false</c> for <c>update</c>. A string checked by a validator: a bool option would leave
    /// "maybe" unconsumed and report it as an unrecognized argument, which does not say what to type instead.
    /// </summary>
    public static Option<string> CreateActive()
    {
        var active = new Option<string>("--active") { Description = "Run the list on its schedule (true) or pause it (false)", HelpName = "true|false" };
        active.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!bool.TryParse(value, out _))
            {
                result.AddError($"--active must be true or false, not \"{value}\"");
            }
        });
        return active;
    }

    public static bool? ReadActive(ParseResult parse, Option<string> active) =>
        parse.GetValue(active) is { } text && bool.TryParse(text, out var value) ? value : null;

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Name, Parts, PartsFile, Schedule, Recipients, TimeZone, NotifyCondition })
        {
            command.Options.Add(option);
        }
        // Errors of the command line itself (exit 2), like a missing required option.
        command.Validators.Add(result =>
        {
            var parts = result.GetResult(Parts) is { Implicit: false };
            var file = result.GetResult(PartsFile) is { Implicit: false };
            if (parts && file)
            {
                result.AddError("give the parts with --parts or with --parts-file, not both");
            }
            else if (_partsRequired && !parts && !file)
            {
                result.AddError("Option '--parts' or '--parts-file' is required.");
            }
        });
    }

    /// <summary>The fields given on the command line; options left out stay null and leave the list's value alone.</summary>
    public ListEdit Read(ParseResult parse)
    {
        var errors = new List<string>();
        IReadOnlyList<MonitoredPart>? parts = null;
        if (Given(parse, Parts))
        {
            parts = ListFieldParser.ParseParts(parse.GetValue(Parts) ?? "", errors);
        }
        else if (Given(parse, PartsFile))
        {
            parts = ListFieldParser.ReadPartsFile(parse.GetValue(PartsFile) ?? "", errors);
        }
        return new ListEdit
        {
            Name = Given(parse, Name) ? parse.GetValue(Name)?.Trim() ?? "" : null,
            Parts = parts,
            Schedule = Given(parse, Schedule) ? parse.GetValue(Schedule)?.Trim() ?? "" : null,
            Recipients = Given(parse, Recipients) ? ListFieldParser.ParseRecipients(parse.GetValue(Recipients) ?? "") : null,
            TimeZoneGiven = Given(parse, TimeZone),
            TimeZone = parse.GetValue(TimeZone) is { } zone && !string.IsNullOrWhiteSpace(zone) ? zone.Trim() : null,
            NotifyCondition = Given(parse, NotifyCondition) ? parse.GetValue(NotifyCondition) : null,
            Errors = errors,
        };
    }

    public static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };
}

/// <summary>The changes asked for on the command line, and the input problems found before the validator runs.</summary>
internal sealed record ListEdit
{
    public string? Name { get; init; }

    public IReadOnlyList<MonitoredPart>? Parts { get; init; }

    public string? Schedule { get; init; }

    public IReadOnlyList<string>? Recipients { get; init; }

    /// <summary>Whether <c>--timezone</c> was given; then a null <see cref="TimeZone"/> means "use the configured default".</summary>
    public bool TimeZoneGiven { get; init; }

    public string? TimeZone { get; init; }

    public string? NotifyCondition { get; init; }

    public bool? Active { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];

    public bool ChangesOnlyActive => Active is not null && !ChangesFields;

    public bool IsEmpty => Active is null && !ChangesFields;

    private bool ChangesFields =>
        Name is not null || Parts is not null || Schedule is not null || Recipients is not null || TimeZoneGiven || NotifyCondition is not null;

    /// <summary>Applies the given fields with <c>with</c>, so everything else, unknown keys included, is kept.</summary>
    public MonitoringList ApplyTo(MonitoringList list) => list with
    {
        Name = Name ?? list.Name,
        Parts = Parts ?? list.Parts,
        CronSchedule = Schedule ?? list.CronSchedule,
        Recipients = Recipients ?? list.Recipients,
        TimeZone = TimeZoneGiven ? TimeZone : list.TimeZone,
        NotifyCondition = NotifyCondition ?? list.NotifyCondition,
        Active = Active ?? list.Active,
    };
}
