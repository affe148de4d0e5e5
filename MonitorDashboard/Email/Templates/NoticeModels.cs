namespace MonitorDashboard.Email.Templates;

/// <summary>A notice to the admins (ADMIN_EMAIL_RECIPIENTS) about a system problem, not about a list's result.</summary>
public abstract record NoticeModel;

/// <summary>Checks of a list keep failing (InvenTree unreachable...): sent once per failure streak.</summary>
/// <param name="Error">Why, safe to show (never a token).</param>
public sealed record CheckFailingNotice(string ListId, string ListName, string Error, DateTimeOffset Since, int Attempts) : NoticeModel;

/// <summary>Checks of a list succeed again after a failure streak.</summary>
public sealed record CheckRecoveredNotice(string ListId, string ListName, DateTimeOffset FailingSince, DateTimeOffset RecoveredAt) : NoticeModel
{
    public TimeSpan DownFor => RecoveredAt - FailingSince;
}

/// <summary>A list's report could not be delivered after the retries.</summary>
public sealed record DeliveryFailingNotice(string ListId, string ListName, IReadOnlyList<string> Recipients, string Error, DateTimeOffset At) : NoticeModel;

/// <summary>A list's reports are delivered again after a delivery failure streak.</summary>
/// <param name="WasTold">Whether the "delivery failing" notice reached the admins (it goes through the same server).</param>
public sealed record DeliveryRecoveredNotice(string ListId, string ListName, DateTimeOffset FailingSince, DateTimeOffset RecoveredAt, bool WasTold) : NoticeModel
{
    public TimeSpan DownFor => RecoveredAt - FailingSince;
}

/// <summary>A list in presets.json is invalid and is not scheduled; <paramref name="Deactivated"/> when it was switched off because of it.</summary>
public sealed record ListInvalidNotice(string ListId, string ListName, IReadOnlyList<string> Reasons, bool Deactivated = false) : NoticeModel;

/// <summary>presets.json cannot be read or has the wrong shape; nothing runs until it is fixed.</summary>
public sealed record PresetsUnreadableNotice(string File, string Message, long? Line = null, long? Column = null) : NoticeModel;

/// <summary>
/// Something about the app itself went wrong or was repaired: presets.json's lists restored after another program
/// dropped them, last_hash or a run that could not be written, a check that crashed. Sent once per problem.
/// </summary>
/// <param name="Title">One line, also the subject: "Monitoring lists restored in presets.json".</param>
/// <param name="Detail">What happened, in full.</param>
/// <param name="Advice">What, if anything, an admin should do.</param>
public sealed record SystemNotice(string Title, string Detail, string Advice, DateTimeOffset At, string? ListId = null) : NoticeModel;
