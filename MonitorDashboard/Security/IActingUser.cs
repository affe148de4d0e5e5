namespace MonitorDashboard.Security;

/// <summary>
/// Whoever asks for a change, as a service that makes one sees them: it asks <see cref="RequireAdminAsync"/> before
/// doing anything. The dashboard's user is <see cref="CurrentUser"/>; the command line's is <see cref="CommandLineUser"/>.
/// </summary>
public interface IActingUser
{
    /// <param name="action">What was attempted, for the message: "create draft purchase orders".</param>
    /// <exception cref="ActionRefusedException">They may not do it; nothing was changed.</exception>
    Task RequireAdminAsync(string action);
}

/// <summary>
/// The user of a command (<c>monitor …</c>): trusted by file access, like every command, since whoever can read
/// appsettings.json, .env and presets.json holds the InvenTree token and the mail settings anyway (README, "Security model").
/// </summary>
public sealed class CommandLineUser : IActingUser
{
    public static CommandLineUser Instance { get; } = new();

    private CommandLineUser()
    {
    }

    public Task RequireAdminAsync(string action) => Task.CompletedTask;
}
