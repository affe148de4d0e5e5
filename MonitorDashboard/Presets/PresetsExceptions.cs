namespace MonitorDashboard.Presets;

/// <summary>Base of every refusal by <see cref="PresetsStore"/>; the message is safe to show to a user.</summary>
public class PresetsException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The file changed on disk since the caller read it; nothing was written.</summary>
public sealed class PresetsConflictException()
    : PresetsException("presets.json was changed by someone else since it was loaded; reload and try again");

/// <summary>A list the caller added or changed is invalid; nothing was written.</summary>
public sealed class PresetsValidationException(IReadOnlyList<ValidationError> errors)
    : PresetsException(string.Join(Environment.NewLine, errors.Select(e => e.Message)))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}

/// <summary>presets.json is not JSON or has the wrong shape, so it is never overwritten until someone fixes it.</summary>
public sealed class PresetsFileException(PresetsFileError error)
    : PresetsException(error.ToString() + "; fix the file by hand, it is not overwritten while it is broken")
{
    public PresetsFileError Error { get; } = error;
}

/// <summary>No monitoring list has the given id.</summary>
public sealed class PresetsListNotFoundException(string listId)
    : PresetsException($"No monitoring list with id \"{listId}\"")
{
    public string ListId { get; } = listId;
}
