using System.CommandLine;
using System.Globalization;
using System.Text;
using MonitorDashboard.Security;

namespace MonitorDashboard.Cli;

/// <summary>
/// <c>hash-password</c>: reads a password from stdin and prints its hash for <c>Auth:Accounts:N:PasswordHash</c>.
/// Typed at a terminal it is not echoed and asked twice; piped, the first line is the password. Never an argument:
/// arguments end up in shell history and process lists. Passwords shorter than
/// <see cref="MinimumPasswordLength"/> characters are refused.
/// </summary>
internal static class HashPasswordCommand
{
    /// <summary>The shortest password accepted, in characters; existing hashes cannot be measured, so only new ones.</summary>
    public const int MinimumPasswordLength = 12;

    public static Command Create(TextReader stdin, bool stdinIsTerminal, TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("hash-password", "Read a password from stdin and print the hash to put in Auth:Accounts:N:PasswordHash");
        command.SetAction(async (_, cancellationToken) =>
        {
            string? password;
            if (stdinIsTerminal)
            {
                password = ReadHidden("Password: ", stderr);
                if (Problem(password) is null && ReadHidden("Repeat it: ", stderr) != password)
                {
                    await stderr.WriteLineAsync("error: the passwords differ");
                    return CliApp.Usage;
                }
            }
            else
            {
                // One line: a trailing newline from echo or a here-string is not part of the password; spaces are.
                password = await stdin.ReadLineAsync(cancellationToken);
            }
            if (Problem(password) is { } problem)
            {
                await stderr.WriteLineAsync("error: " + problem);
                return CliApp.Usage;
            }
            await stdout.WriteLineAsync(PasswordHashing.Hash(password!));
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>Why the password cannot be used; null when it can. Length counts characters as a reader sees them.</summary>
    private static string? Problem(string? password) => password switch
    {
        null or "" => "the password is empty (pipe it in, e.g. printf '%s' \"$PASSWORD\" | MonitorDashboard hash-password)",
        _ when new StringInfo(password).LengthInTextElements < MinimumPasswordLength =>
            $"the password is too short: at least {MinimumPasswordLength} characters are required (a few words make a good one)",
        _ => null,
    };

    private static string ReadHidden(string prompt, TextWriter stderr)
    {
        stderr.Write(prompt);
        stderr.Flush();
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
        stderr.WriteLine();
        return text.ToString();
    }
}
