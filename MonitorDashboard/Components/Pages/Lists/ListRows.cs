using MonitorDashboard.Monitoring.State;

namespace MonitorDashboard.Components.Pages.Lists;

/// <summary>
/// One list's row in the lists grid: the same object for as long as its list is shown, with the list as it is now.
/// MudDataGrid keys its rows by item, and a list's view is a new record whenever anything about it changes (a run
/// starts or ends, presets.json is written); with the views as items every such change recreated the row — its
/// tooltips, switch and buttons, each with its own browser calls — and during a 07:00 burst an open page spent its
/// circuit and its tab on that. With a row per list the grid updates the row's cells in place.
/// </summary>
public sealed class ListRow(ListView view)
{
    public ListView View { get; internal set; } = view;
}

/// <summary>The rows for the lists as the state service shows them now, reusing each list's row from before.</summary>
public sealed class ListRows
{
    private IReadOnlyList<ListView>? _source;
    private Dictionary<string, ListRow> _byKey = new(StringComparer.Ordinal);
    private ListRow[] _rows = [];

    /// <summary>The rows in the order of <paramref name="lists"/>; recomputed only when the state service has a new list array.</summary>
    public IReadOnlyList<ListRow> For(IReadOnlyList<ListView> lists)
    {
        if (ReferenceEquals(lists, _source))
        {
            return _rows;
        }
        var rows = new ListRow[lists.Count];
        var byKey = new Dictionary<string, ListRow>(lists.Count, StringComparer.Ordinal);
        for (var i = 0; i < rows.Length; i++)
        {
            var view = lists[i];
            // A file being edited by hand can repeat an id: the second list with it gets a row of its own.
            var key = view.Id;
            for (var n = 2; byKey.ContainsKey(key); n++)
            {
                key = $"{view.Id}#{n}";
            }
            if (_byKey.TryGetValue(key, out var row))
            {
                row.View = view;
            }
            else
            {
                row = new ListRow(view);
            }
            byKey[key] = row;
            rows[i] = row;
        }
        _source = lists;
        _byKey = byKey;
        _rows = rows;
        return rows;
    }
}
