namespace MonitorDashboard.Monitoring.Proposals;

/// <summary>
/// One drafting at a time in this process (a singleton; <see cref="DraftOrders"/> is made per use like the InvenTree
/// clients it takes): two clicks or two windows would otherwise both see an order missing and both create it.
/// </summary>
public sealed class DraftingLock : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Takes the lock if it is free, without waiting; the result releases it when disposed. Null when it is taken.</summary>
    public async Task<IDisposable?> TryTakeAsync(CancellationToken ct) =>
        await _gate.WaitAsync(TimeSpan.Zero, ct) ? new Release(_gate) : null;

    public void Dispose() => _gate.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
