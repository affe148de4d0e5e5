using AngleSharp.Dom;

namespace MonitorDashboard.Email.Templates;

/// <summary>What decides an element's inlined style besides its ancestry: its name, id, class and own style attribute.</summary>
internal readonly record struct ElementShape(string Name, string Id, string Class, string? Style)
{
    public static ElementShape Of(IElement element) =>
        new(element.LocalName, element.Id ?? "", element.ClassName ?? "", element.GetAttribute("style"));
}
