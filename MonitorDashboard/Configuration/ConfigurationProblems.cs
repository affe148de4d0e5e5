using Microsoft.Extensions.Options;

namespace MonitorDashboard.Configuration;

/// <summary>Turns start-up validation failures into the list of problems a user has to fix.</summary>
public static class ConfigurationProblems
{
    /// <summary>Every failure message inside <paramref name="exception"/>, or null when it is no configuration problem.</summary>
    public static IReadOnlyList<string>? From(Exception exception) => exception switch
    {
        OptionsValidationException options => options.Failures.ToList(),
        AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException) =>
            aggregate.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList(),
        _ => null,
    };

    /// <summary>
    /// Runs the start-up validation of every options type before anything is constructed that reads options,
    /// so all problems are reported together. Writes them and returns false when there are any.
    /// </summary>
    public static bool ValidateAll(IServiceProvider services, TextWriter errors)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return true;
        }
        catch (Exception ex) when (From(ex) is { } problems)
        {
            Write(errors, problems);
            return false;
        }
    }

    public static void Write(TextWriter writer, IReadOnlyList<string> problems)
    {
        writer.WriteLine($"Configuration is invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):");
        foreach (var problem in problems)
        {
            writer.WriteLine("  - " + problem);
        }
    }
}
