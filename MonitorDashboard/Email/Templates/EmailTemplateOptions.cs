namespace MonitorDashboard.Email.Templates;

/// <summary>Where the Liquid email templates are and how values are formatted in them. Bound from <c>EmailTemplates</c>.</summary>
public sealed class EmailTemplateOptions
{
    public const string SectionName = "EmailTemplates";

    /// <summary>Folder of the <c>*.liquid</c> templates; relative paths are taken from the content root.</summary>
    public string Folder { get; set; } = "EmailTemplates";

    /// <summary>Culture for numbers, dates and day names in emails (e.g. "en", "de", "fr-CH").</summary>
    public string Culture { get; set; } = "en";

    /// <summary>
    /// A variable or filter the templates do not know fails the rendering instead of printing nothing. Tests turn it
    /// on so a typo fails a test; in production a typo in an edited template is logged and the email still goes out.
    /// </summary>
    public bool StrictVariables { get; set; }
}
