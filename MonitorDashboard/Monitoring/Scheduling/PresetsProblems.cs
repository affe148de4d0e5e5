using MonitorDashboard.Monitoring.Notices;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Monitoring.Scheduling;

/// <summary>
/// The scheduler's side of problems in presets.json: tells the admins (once each, through <see cref="AdminNotifier"/>)
/// about a file it cannot use and about lists it cannot schedule because they are invalid, and remembers since when the
/// file was unusable, so runs that came due meanwhile are recorded as missed for that reason rather than for downtime.
/// </summary>
public sealed class PresetsProblems(AdminNotifier admins, TimeProvider time)
{
    private DateTimeOffset? _unusableSince;
    // Lists the admins were told are invalid; "valid (again)" is asked about every list on every tick and costs nothing
    // for the others. Used under the dispatcher's tick gate.
    private readonly HashSet<string> _invalid = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Called on every tick while the file cannot be used; the outage starts at the first.</summary>
    public void FileUnusable(PresetsFileError error)
    {
        admins.PresetsUnreadable(error);
        _unusableSince ??= time.GetUtcNow();
    }

    /// <summary>Called on every tick the file can be used: ends an outage and returns when it began (null when there was none).</summary>
    public DateTimeOffset? FileUsable()
    {
        admins.PresetsReadable();
        var since = _unusableSince;
        _unusableSince = null;
        return since;
    }

    /// <summary>The list is not scheduled because it is invalid; the admins hear why, once until its errors change.</summary>
    public void ListInvalid(MonitoringList list, PresetsSnapshot snapshot)
    {
        var reasons = snapshot.ValidationOf(list.Id)?.Errors.Select(e => e.Message).ToList() ?? [];
        _invalid.Add(list.Id);
        admins.ListInvalid(list, reasons);
    }

    /// <summary>The list is valid (again): should it break later, the admins are told anew.</summary>
    public void ListValid(string listId)
    {
        if (_invalid.Remove(listId))
        {
            admins.ListValid(listId);
        }
    }
}
