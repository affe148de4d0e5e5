namespace MonitorDashboard.Presets;

/// <summary>
/// One problem of one list. <see cref="Detail"/> is the text for a form field ("cron_schedule \"…\" is invalid: …");
/// <see cref="Message"/> also names the list (<c>List "Widget line": …</c>) for logs, the CLI and admin notices.
/// </summary>
public sealed record ValidationError(string Field, string Detail, string Message);

/// <summary>The validation outcome of the list at <see cref="Index"/> in <c>monitoring_lists</c>.</summary>
public sealed record ListValidationResult(int Index, string ListId, string ListName, IReadOnlyList<ValidationError> Errors, IReadOnlyList<string> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Live check of a schedule for the edit form: description, next runs, the error and the AND warning.</summary>
public sealed record ScheduleCheck(string? Error, string? Warning, string? Description, IReadOnlyList<DateTimeOffset> NextRuns, TimeZoneInfo? TimeZone)
{
    public bool IsValid => Error is null;
}
