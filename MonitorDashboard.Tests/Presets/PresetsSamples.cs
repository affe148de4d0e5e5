using MonitorDashboard.Presets;

namespace MonitorDashboard.Tests.Presets;

internal static class PresetsSamples
{
    public const string ListId = "3f1c2a7e-9b1d-4c1e-8f3a-2b5d6e7f8a90";

    /// <summary>
    /// A file as the Python tool writes it (two-space indent, its "filepath" and older keys such as
    /// interval_minutes and email_configs), plus values whose exact form must survive: 5.0, 2.50, nested objects, nulls.
    /// </summary>
    public const string PythonFile = """
        {
          "presets": [
            {
              "name": "Test",
              "items": [
                { "part_id": 1525, "quantity": 5 },
                { "part_id": "R-10K", "quantity": 2.5, "note": null }
              ]
            }
          ],
          "monitoring_lists": [
            {
              "id": "3f1c2a7e-9b1d-4c1e-8f3a-2b5d6e7f8a90",
              "name": "Widget line, weekly",
              "parts": [
                { "name": "Widget Assembly", "quantity": 10, "version": "B" },
                { "name": "Doohickey", "quantity": 5.0, "supplier_hint": { "sku": "D-1", "tags": [1, 2.50, null, true] } }
              ],
              "active": true,
              "interval_minutes": 60,
              "cron_schedule": "0 7 * * 1-5",
              "timezone": "Europe/Berlin",
              "recipients": ["planning@example.com"],
              "notify_condition": "on_change",
              "email_config_name": null,
              "last_hash": null,
              "misfire_grace_time": 3600
            }
          ],
          "email_configs": [],
          "filepath": "presets.json"
        }
        """;

    public static MonitoringList ValidList(string name = "Widget line") => new()
    {
        Id = Guid.NewGuid().ToString("D"),
        Name = name,
        Parts = [new MonitoredPart { Name = "Widget Assembly", Quantity = 10 }],
        CronSchedule = "0 7 * * 1-5",
        TimeZone = "Europe/Berlin",
        Recipients = ["planning@example.com"],
    };
}
