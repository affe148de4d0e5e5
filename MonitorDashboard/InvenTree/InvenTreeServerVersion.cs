namespace MonitorDashboard.InvenTree;

/// <summary>
/// The API version the InvenTree server last reported (every calculation asks), for what depends on it outside a
/// calculation, such as the part links of an email. Null until the server has answered once.
/// </summary>
public sealed class InvenTreeServerVersion
{
    private int _apiVersion;

    public int? ApiVersion => Volatile.Read(ref _apiVersion) is var version and > 0 ? version : null;

    public void Observe(int apiVersion)
    {
        if (apiVersion > 0)
        {
            Volatile.Write(ref _apiVersion, apiVersion);
        }
    }
}
