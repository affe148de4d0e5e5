namespace MonitorDashboard.Monitoring.History;

/// <summary>
/// Sees a run inside its add transaction, after the insert and before retention and commit. The app uses the no-op
/// default; tests pass their own to act at that exact point (e.g. cancel the add).
/// </summary>
internal interface IHistoryWriteObserver
{
    void AfterInsert(RunRecord run);
}

/// <summary>The default observer: does nothing.</summary>
internal sealed class NoHistoryWriteObserver : IHistoryWriteObserver
{
    public static readonly NoHistoryWriteObserver Instance = new();

    private NoHistoryWriteObserver()
    {
    }

    public void AfterInsert(RunRecord run)
    {
    }
}
