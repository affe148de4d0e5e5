namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>How an <see cref="EmulatorServer"/> presents itself and where it listens.</summary>
public sealed record EmulatorOptions
{
    /// <summary>The API token clients must send as <c>Authorization: Token &lt;key&gt;</c>.</summary>
    public string Token { get; init; } = "emulator-token";

    /// <summary>The emulated API version; it decides field semantics (196 emulates InvenTree 0.15).</summary>
    public int ApiVersion { get; init; } = 479;

    public string ServerVersion { get; init; } = "1.4.0 dev";

    /// <summary>0 picks any free port.</summary>
    public int Port { get; init; }

    /// <summary>An IP address, or <c>localhost</c> (the IPv4 loopback).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>A server certificate with its private key: the emulator then serves HTTPS only, like a self-hosted server behind TLS.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; init; }

    /// <summary>The clock that dates created purchase orders (<c>creation_date</c>).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>One request the emulator answered; StatusCode 0 when it sent no response (dropped, hung, aborted).</summary>
public sealed record EmulatorRequest(string Method, string PathAndQuery, int StatusCode);
