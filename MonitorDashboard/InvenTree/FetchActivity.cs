namespace MonitorDashboard.InvenTree;

/// <summary>
/// The fetch steps in flight, in words a planner understands ("fetching the BOM of Widget Assembly"), so a check that
/// times out can say what it was waiting for: "timed out after 5 min while " + <see cref="Describe"/>. Thread-safe;
/// steps run concurrently.
/// </summary>
public sealed class FetchActivity
{
    private readonly Lock _gate = new();
    private readonly LinkedList<string> _steps = [];
    private string? _givenUpWhile;

    /// <summary>Records a step until the returned scope is disposed (disposing twice is harmless).</summary>
    /// <param name="description">What is being waited for, e.g. "fetching the BOM of Widget Assembly".</param>
    public IDisposable Begin(string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        lock (_gate)
        {
            return new Step(this, _steps.AddLast(description));
        }
    }

    /// <summary>
    /// The oldest step still in flight, plus " (and N more)" when several are, e.g. "fetching the BOM of Widget
    /// Assembly (and 2 more)"; null when nothing is in flight.
    /// </summary>
    public string? Describe()
    {
        lock (_gate)
        {
            return DescribeSteps();
        }
    }

    /// <summary>
    /// What was in flight when the fetch was given up (a deadline, a shutdown), in the words of <see cref="Describe"/>;
    /// null while it was not. The steps end as their cancelled calls unwind, so by the time the caller says why it gave
    /// up, <see cref="Describe"/> has nothing left to say.
    /// </summary>
    public string? GivenUpWhile
    {
        get
        {
            lock (_gate)
            {
                return _givenUpWhile;
            }
        }
    }

    /// <summary>A step's call was cancelled: keeps what is in flight now (its own step included), the first time only.</summary>
    public void GivingUp()
    {
        lock (_gate)
        {
            _givenUpWhile ??= DescribeSteps();
        }
    }

    private string? DescribeSteps() =>
        _steps.First?.Value is not { } oldest ? null
        : _steps.Count == 1 ? oldest
        : $"{oldest} (and {_steps.Count - 1} more)";

    private void End(LinkedListNode<string> step)
    {
        lock (_gate)
        {
            if (step.List is not null)
            {
                _steps.Remove(step);
            }
        }
    }

    private sealed class Step(FetchActivity activity, LinkedListNode<string> node) : IDisposable
    {
        public void Dispose() => activity.End(node);
    }
}
