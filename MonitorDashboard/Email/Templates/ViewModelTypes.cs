namespace MonitorDashboard.Email.Templates;

/// <summary>
/// The types templates may read. Explicit registration (not UnsafeMemberAccessStrategy) keeps templates, which
/// users edit, away from anything but the plain view models built for them.
/// </summary>
internal static class ViewModelTypes
{
    public static IReadOnlyList<Type> All { get; } =
    [
        typeof(ReportView), typeof(SummaryView), typeof(ChangesView), typeof(ChangeGroupView), typeof(ChangeLineView),
        typeof(OrderView), typeof(SubstituteView), typeof(BuildView), typeof(CriticalView), typeof(NotFoundView),
        typeof(CheckFailingView), typeof(CheckRecoveredView), typeof(DeliveryFailingView), typeof(DeliveryRecoveredView), typeof(ListInvalidView),
        typeof(PresetsUnreadableView), typeof(SystemNoticeView),
    ];
}
