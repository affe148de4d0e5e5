using System.Text.Json;
using MonitorDashboard.InvenTree;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Components.Pages.Lists;

/// <summary>One row of the parts editor; <see cref="Original"/> keeps the part's unknown keys across an edit.</summary>
public sealed class PartRow
{
    public string Name { get; set; } = "";
    public string? Revision { get; set; }
    public decimal Quantity { get; set; } = 1;
    public MonitoredPart? Original { get; init; }
    public PartLookupResult? Lookup { get; set; }
    public bool Checking { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Revision);
}

/// <summary>The edit form's state — the only mutable model; saving turns it back into a <see cref="MonitoringList"/>.</summary>
public sealed class ListForm
{
    public string Name { get; set; } = "";
    public List<PartRow> Parts { get; } = [];
    public string Cron { get; set; } = "0 7 * * 1-5";
    public string? TimeZone { get; set; }
    public List<string> Recipients { get; } = [];
    public string NotifyCondition { get; set; } = NotifyConditions.OnChange;
    public bool Active { get; set; } = true;
    public bool HideOptional { get; set; }
    /// <summary>One of <see cref="InProductionNames.All"/> (an unknown value read from the file stays, and fails validation).</summary>
    public string InProduction { get; set; } = "scheduled";
    public bool ReplenishToMinimum { get; set; }

    public static ListForm New()
    {
        var form = new ListForm();
        form.Parts.Add(new PartRow());
        return form;
    }

    public static ListForm From(MonitoringList list)
    {
        var form = new ListForm
        {
            Name = list.Name,
            Cron = list.CronSchedule,
            TimeZone = list.TimeZone,
            NotifyCondition = list.NotifyCondition,
            Active = list.Active,
            HideOptional = list.HideOptional == true,
            InProduction = list.InProduction ?? "scheduled",
            ReplenishToMinimum = list.ReplenishToMinimum == true,
        };
        form.Parts.AddRange(list.Parts.Select(p => new PartRow { Name = p.Name, Revision = p.Version, Quantity = p.Quantity, Original = p }));
        if (form.Parts.Count == 0)
        {
            form.Parts.Add(new PartRow());
        }
        form.Recipients.AddRange(list.Recipients);
        return form;
    }

    /// <summary>The list as it would be saved: the original's id, last_hash and unknown keys are kept.</summary>
    public MonitoringList ToList(MonitoringList? original) => (original ?? new MonitoringList()) with
    {
        Name = Name.Trim(),
        Parts = Parts.Where(p => !p.IsBlank).Select(p => (p.Original ?? new MonitoredPart()) with
        {
            Name = p.Name.Trim(),
            Version = string.IsNullOrWhiteSpace(p.Revision) ? null : p.Revision.Trim(),
            Quantity = p.Quantity,
        }).ToList(),
        CronSchedule = Cron.Trim(),
        TimeZone = string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone.Trim(),
        Recipients = [.. Recipients],
        NotifyCondition = NotifyCondition,
        Active = Active,
        // The defaults stay unwritten unless the file already spelled them out.
        HideOptional = HideOptional ? true : original?.HideOptional is false ? false : null,
        InProduction = InProduction == "scheduled" && original?.InProduction is null ? null : InProduction,
        ReplenishToMinimum = ReplenishToMinimum ? true : original?.ReplenishToMinimum is false ? false : null,
    };

    /// <summary>Everything a user can change, for the unsaved-changes guard.</summary>
    public string Fingerprint() => JsonSerializer.Serialize(new
    {
        Name,
        Parts = Parts.Where(p => !p.IsBlank).Select(p => new { p.Name, p.Revision, p.Quantity }),
        Cron,
        TimeZone,
        Recipients,
        NotifyCondition,
        Active,
        HideOptional,
        InProduction,
        ReplenishToMinimum,
    });
}
