using Microsoft.Extensions.Options;

namespace MonitorDashboard.InvenTree;

/// <summary>Where to send requests and with which token. A class, not a record, so the token never prints.</summary>
public sealed class InvenTreeEndpoint(Uri apiBase, string? token, bool isDemo)
{
    public Uri ApiBase { get; } = apiBase;
    public bool IsDemo { get; } = isDemo;
    internal string? Token { get; } = token;

    public override string ToString() => ApiBase.ToString();
}

/// <summary>
/// Resolves the endpoint when it is first needed: from configuration, or (demo mode) from the embedded
/// emulator, which only knows its port once it has started.
/// </summary>
public interface IInvenTreeConnection
{
    ValueTask<InvenTreeEndpoint> GetEndpointAsync(CancellationToken cancellationToken);
}

internal sealed class ConfiguredInvenTreeConnection(IOptions<InvenTreeOptions> options) : IInvenTreeConnection
{
    private readonly InvenTreeEndpoint _endpoint = new(options.Value.GetApiBaseAddress(), options.Value.ApiToken, isDemo: false);

    public ValueTask<InvenTreeEndpoint> GetEndpointAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_endpoint);
}
