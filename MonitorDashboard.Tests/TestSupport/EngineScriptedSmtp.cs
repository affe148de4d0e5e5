using MonitorDashboard.Tests.Email.Smtp;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// Puts a <see cref="ScriptedSmtpServer"/> (faults settable while it runs) where the harness's SMTP server was: same
/// port, STARTTLS with the harness's certificate, AUTH with its credentials, so the engine talks to it unchanged.
/// </summary>
internal static class EngineScriptedSmtp
{
    /// <summary>Stops the harness's SMTP server and starts a scripted one on its port; dispose it before the harness.</summary>
    public static async Task<ScriptedSmtpServer> StartScriptedSmtpAsync(this EngineHarness engine, SmtpFault fault = SmtpFault.None)
    {
        await engine.StopSmtpAsync();
        var server = await ScriptedSmtpServer.StartAsync(
            new ScriptedSmtpServerOptions(TestServerSecurity.StartTls, engine.Certificate.Certificate, (EngineHarness.SmtpUser, EngineHarness.SmtpPassword)),
            engine.SmtpPort);
        server.Fault = fault;
        return server;
    }

    /// <summary>Messages the scripted server accepted for this address.</summary>
    public static IReadOnlyList<ReceivedMessage> MessagesTo(this ScriptedSmtpServer server, string address) =>
        [.. server.Messages.Where(m => m.EnvelopeTo.Contains(address, StringComparer.OrdinalIgnoreCase))];
}
