namespace MonitorDashboard.Email.Templates;

// What the notice templates see as {{ notice.* }}: plain, formatted values (see EmailTemplates/README.md).

public sealed record CheckFailingView(string Subject, string ListId, string ListName, string Error, string Since, int Attempts);

public sealed record CheckRecoveredView(string Subject, string ListId, string ListName, string FailingSince, string RecoveredAt, string DownFor);

public sealed record DeliveryFailingView(string Subject, string ListId, string ListName, IReadOnlyList<string> Recipients, string Error, string At);

public sealed record DeliveryRecoveredView(string Subject, string ListId, string ListName, string FailingSince, string RecoveredAt, string DownFor, bool WasTold);

public sealed record ListInvalidView(string Subject, string ListId, string ListName, IReadOnlyList<string> Reasons, bool Deactivated);

/// <param name="Position">"line 3, column 14", or "" when the error has no position.</param>
public sealed record PresetsUnreadableView(string Subject, string File, string Message, string Position);

public sealed record SystemNoticeView(string Subject, string Title, string Detail, string Advice, string At);
