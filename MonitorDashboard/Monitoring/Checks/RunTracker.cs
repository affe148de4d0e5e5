using System.Collections.Concurrent;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Monitoring.Checks;

/// <summary>A check this process has accepted: waiting for a slot (no <see cref="StartedAt"/>) or running.</summary>
public sealed record TrackedRun(
    string ListId,
    string ListName,
    RunTrigger Trigger,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? Deadline,
    string Stage);

/// <summary>
/// Which checks wait and which run, with their deadlines and stages: what the scheduler's health check needs to see a
/// check that overran its deadline or due lists that cannot get a slot. Bounded by the number of lists (one entry each).
/// </summary>
public sealed class RunTracker(TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, Entry> _runs = new();

    private DateTimeOffset Now => time.GetUtcNow();

    public IReadOnlyList<TrackedRun> Snapshot() =>
        [.. _runs.Values.Select(e => new TrackedRun(e.ListId, e.ListName, e.Trigger, e.QueuedAt, e.StartedAt, e.Deadline, e.Progress.Describe()))
            .OrderBy(r => r.QueuedAt)];

    public Handle Queued(string listId, string listName, RunTrigger trigger, CheckProgress progress)
    {
        var id = Guid.NewGuid();
        _runs[id] = new Entry(listId, listName, trigger, Now, progress);
        return new Handle(this, id);
    }

    private sealed class Entry(string listId, string listName, RunTrigger trigger, DateTimeOffset queuedAt, CheckProgress progress)
    {
        public string ListId => listId;
        public string ListName => listName;
        public RunTrigger Trigger => trigger;
        public DateTimeOffset QueuedAt => queuedAt;
        public CheckProgress Progress => progress;
        public DateTimeOffset? StartedAt { get; set; }
        public DateTimeOffset? Deadline { get; set; }
    }

    /// <summary>Marks the check as started, then forgets it when disposed.</summary>
    public sealed class Handle(RunTracker owner, Guid id) : IDisposable
    {
        public void Started(TimeSpan timeout)
        {
            if (owner._runs.TryGetValue(id, out var entry))
            {
                var now = owner.Now;
                entry.StartedAt = now;
                entry.Deadline = now + timeout;
            }
        }

        public void Dispose() => owner._runs.TryRemove(id, out _);
    }
}
