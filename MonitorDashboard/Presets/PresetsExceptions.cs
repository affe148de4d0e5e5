namespace MonitorDashboard.Presets;

/// <summary>Base of every refusal by <see cref="PresetsStore"/>; the message is safe to show to a user.</summary>
public class PresetsException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The file changed on disk since the caller read it; nothing was written.</summary>
public sealed class PresetsConflictException : PresetsException
{
    public PresetsConflictException()
        : base("presets.json was changed by someone else since it was loaded; reload and try again")
    {
    }

    public PresetsConflictException(string message)
        : base(message)
    {
    }
}

/// <summary>A list the caller added or changed is invalid; nothing was written.</summary>
public sealed class PresetsValidationException(IReadOnlyList<ValidationError> errors)
    : PresetsException(string.Join(Environment.NewLine, errors.Select(e => e.Message)))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}

/// <summary>
/// presets.json cannot be used (not JSON, wrong shape, vanished or emptied after it held lists, unreadable), so it
/// is not written: a broken file is never overwritten, and a vanished one is not replaced by a file with only the new change.
/// </summary>
public sealed class PresetsFileException(PresetsFileError error)
    : PresetsException(error.ToString() + (error.Problem == PresetsFileProblem.Malformed
        ? "; fix the file by hand, it is not overwritten while it is broken"
        : "; your change was not saved"))
{
    public PresetsFileError Error { get; } = error;
}

/// <summary>Another program held the lock file beside presets.json for longer than <c>Presets:LockTimeout</c>; nothing was written.</summary>
public sealed class PresetsLockTimeoutException(string filePath, string lockPath, Exception? inner = null)
    : PresetsException($"{filePath} is being written by another program (lock file {lockPath}); nothing was written, try again", inner)
{
    public string LockPath { get; } = lockPath;
}

/// <summary>No monitoring list has the given id.</summary>
public sealed class PresetsListNotFoundException(string listId)
    : PresetsException($"No monitoring list with id \"{listId}\"")
{
    public string ListId { get; } = listId;
}
