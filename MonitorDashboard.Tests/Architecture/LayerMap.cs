using System.Text.RegularExpressions;

namespace MonitorDashboard.Tests.Architecture;

/// <summary>
/// The intended layers of MonitorDashboard, top to bottom, as data: change the map here and the tests follow.
/// A folder (namespace MonitorDashboard.&lt;Folder&gt;, sub-namespaces included) may use only folders in layers below
/// its own, plus the same-layer uses listed in <see cref="AllowedSiblingUses"/>. The root namespace (Program.cs,
/// HostingExtensions.cs) is the composition root and may use everything.
/// </summary>
internal static class LayerMap
{
    public const string Root = "MonitorDashboard";

    public static readonly string[][] Layers =
    [
        ["Components", "Cli", "Configuration"],              // composition / UI; Configuration reads every folder's options
        ["Monitoring"],
        ["Email"],                                            // renders Calculation results and monitoring lists of Presets
        ["Calculation", "Presets"],
        ["InvenTree", "Demo"],                                // Demo serves the sample catalog through the emulator
        ["Cron", "Text", "Settings", "Logging", "Security", "Resilience"], // leaves: use nothing of ours
    ];

    /// <summary>Same-layer uses that are allowed, user first. Anything not listed is forbidden.</summary>
    public static readonly (string User, string Used)[] AllowedSiblingUses =
    [
        ("Components", "Configuration"),
        ("Cli", "Configuration"),
        ("Demo", "InvenTree"),
    ];

    /// <summary>The entry points: nothing of ours but the composition root may use them.</summary>
    public static readonly string[] EntryPoints = ["Components", "Cli"];

    /// <summary>
    /// The InvenTree emulator's namespace under <see cref="Root"/>. It is its own assembly (MonitorDashboard.InvenTreeEmulator,
    /// beside the app), not a folder of the app, so it is on no layer: only <see cref="EmulatorUsers"/> may use it.
    /// </summary>
    public const string Emulator = "InvenTreeEmulator";

    /// <summary>The only folders of the app that may use the emulator: demo mode starts it.</summary>
    public static readonly string[] EmulatorUsers = ["Demo"];

    public static IEnumerable<string> Folders => Layers.SelectMany(layer => layer);

    public static int LayerOf(string folder) => Array.FindIndex(Layers, layer => layer.Contains(folder));

    /// <summary>The folders <paramref name="folder"/> must not use: its own layer's siblings (unless allowed) and every layer above.</summary>
    public static IReadOnlyList<string> ForbiddenFor(string folder)
    {
        var layer = LayerOf(folder);
        return Layers.Take(layer + 1)
            .SelectMany(l => l)
            .Where(other => other != folder && !AllowedSiblingUses.Contains((folder, other)))
            .ToList();
    }

    /// <summary>
    /// A namespace pattern for the given folders and their sub-namespaces: "Email" matches MonitorDashboard.Email and
    /// MonitorDashboard.Email.Smtp, but not MonitorDashboard.EmailX. (ArchUnitNET's ResideInNamespace is an exact match.)
    /// </summary>
    public static string NamespacePattern(params IEnumerable<string> folders) =>
        $@"^{Regex.Escape(Root)}\.(?:{string.Join('|', folders.Select(Regex.Escape))})(?:\..+)?$";

    /// <summary>Every namespace under MonitorDashboard except the given folders and their sub-namespaces.</summary>
    public static string NamespacePatternExcept(params IEnumerable<string> folders) =>
        $@"^{Regex.Escape(Root)}\.(?!(?:{string.Join('|', folders.Select(Regex.Escape))})(?:\.|$)).+$";
}
