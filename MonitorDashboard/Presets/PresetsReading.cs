using System.Security.Cryptography;

namespace MonitorDashboard.Presets;

/// <summary>One read of presets.json and what it means, given what this process saw before (<see cref="PresetsReader"/>).</summary>
/// <param name="Bytes">The file as read; null when it is missing or unreadable.</param>
/// <param name="Version">The version token callers pass back to save: <see cref="VersionOf"/> the bytes, or a marker.</param>
internal sealed record PresetsReading(byte[]? Bytes, string Version)
{
    public PresetsDocument? Document { get; init; }

    public PresetsFileError? Error { get; init; }

    /// <summary>Set when the file is valid but has no <c>monitoring_lists</c> key while we had lists.</summary>
    public IReadOnlyList<MonitoringList>? ListsToRestore { get; init; }

    /// <summary>A file with content, as opposed to a newcomer's missing or empty one.</summary>
    public bool Seen { get; init; }

    /// <summary>The version token of a file's content.</summary>
    public static string VersionOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
