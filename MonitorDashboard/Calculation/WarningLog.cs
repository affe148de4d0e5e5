namespace MonitorDashboard.Calculation;

/// <summary>Collects calculation warnings once each, in the order the calculation met them.</summary>
internal sealed class WarningLog
{
    private readonly List<string> _messages = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public void Add(string message)
    {
        if (_seen.Add(message))
        {
            _messages.Add(message);
        }
    }

    public IReadOnlyList<string> ToList() => _messages.ToArray();
}
