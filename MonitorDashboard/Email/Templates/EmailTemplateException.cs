using System.Text.RegularExpressions;

namespace MonitorDashboard.Email.Templates;

/// <summary>
/// A template could not be found, parsed or rendered. The message names the template file and, for syntax
/// errors, the position ("report.html.liquid: ... at (12:5)"); it never contains data from the report.
/// </summary>
public sealed partial class EmailTemplateException : Exception
{
    public EmailTemplateException(string template, string message, Exception? inner = null)
        : base($"{template}: {message}", inner)
    {
        Template = template;
        var position = PositionPattern().Match(message);
        if (position.Success)
        {
            Line = int.Parse(position.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Column = int.Parse(position.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The template file, relative to the templates folder (e.g. <c>report.html.liquid</c>).</summary>
    public string Template { get; }

    public int? Line { get; }

    public int? Column { get; }

    // Fluid reports positions as "at (line:column)".
    [GeneratedRegex(@"at \((\d+):(\d+)\)")]
    private static partial Regex PositionPattern();
}
