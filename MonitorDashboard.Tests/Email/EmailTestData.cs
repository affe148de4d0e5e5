using MonitorDashboard.Email;

namespace MonitorDashboard.Tests.Email;

/// <summary>Messages and values shared by the email tests.</summary>
internal static class EmailTestData
{
    public const string Sender = "monitor@example.com";
    public const string User = "planner";
    public const string Password = "s3cret-Pa55word!";

    /// <summary>Non-ASCII and markup characters that must survive RFC 2047 encoding exactly.</summary>
    public const string Subject = "Bestellung: Größe <M3> & Mutter – 5 Teile ✓";

    public const string TextBody = "Order 5 × Schraube M3 (Größe <M3> & Mutter).\nNothing else.";

    public const string HtmlBody = "<p>Order <b>5 × Schraube M3</b> (Größe &lt;M3&gt; &amp; Mutter).</p>";

    public static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    public static EmailMessage Message(params string[] to) =>
        new(EmailKind.Report, Subject, HtmlBody, TextBody, to.Length == 0 ? ["buyer@example.com"] : to, "sensor-board");
}
