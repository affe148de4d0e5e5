namespace MonitorDashboard.Components.Shared;

/// <summary>
/// Re-renders a page for a stream of state changes at most once per <see cref="Interval"/>: the first change after a
/// quiet moment at once, the ones that follow together at the end of the interval. At 07:00 a thousand checks start
/// and finish within half a minute; a page then renders a few times a second, not once per event.
/// </summary>
public sealed class CoalescedRefresh(Func<Task> render, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private long _lastRender;
    private bool _renderedBefore;
    private ITimer? _scheduled;
    private bool _disposed;

    /// <summary>Says the state changed; the page shows it within <see cref="Interval"/>.</summary>
    public void Request()
    {
        lock (_gate)
        {
            if (_disposed || _scheduled is not null)
            {
                return; // a render is coming and will show this change too
            }
            var wait = _renderedBefore ? Interval - time.GetElapsedTime(_lastRender) : TimeSpan.Zero;
            if (wait > TimeSpan.Zero)
            {
                _scheduled = time.CreateTimer(_ => Fire(), null, wait, Timeout.InfiniteTimeSpan);
                return;
            }
            Rendering();
        }
        _ = RenderAsync();
    }

    private void Fire()
    {
        lock (_gate)
        {
            _scheduled?.Dispose();
            _scheduled = null;
            if (_disposed)
            {
                return;
            }
            Rendering();
        }
        _ = RenderAsync();
    }

    // Called under the gate.
    private void Rendering()
    {
        _lastRender = time.GetTimestamp();
        _renderedBefore = true;
    }

    private async Task RenderAsync()
    {
        try
        {
            await render();
        }
        catch (ObjectDisposedException)
        {
            // The page was closed (its circuit ended) between the change and the render.
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _scheduled?.Dispose();
            _scheduled = null;
        }
    }
}
