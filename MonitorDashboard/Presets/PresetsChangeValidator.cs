namespace MonitorDashboard.Presets;

/// <summary>How strictly a change to presets.json is validated before it is written.</summary>
internal enum ValidationMode
{
    /// <summary>A list the change added or modified must be valid (lists it did not touch may stay invalid).</summary>
    Strict,

    /// <summary>A list the change modified may keep the errors it had, but gets no new ones (pausing or resuming it).</summary>
    NoNewErrors,

    /// <summary>Not validated: the change touches no definition (last_hash, putting lost lists back).</summary>
    None,
}

/// <summary>
/// Refuses a change to presets.json that makes a list it touched invalid (see <see cref="ValidationMode"/>), or that
/// adds or changes a calculator preset the Python tool could not read (<see cref="CalculatorPresetRules"/>).
/// </summary>
internal sealed class PresetsChangeValidator(MonitoringListValidator validator)
{
    /// <exception cref="PresetsValidationException">The errors of the lists the change touched.</exception>
    public void EnsureValid(PresetsDocument before, PresetsDocument after, ValidationMode mode)
    {
        if (mode == ValidationMode.None)
        {
            return;
        }
        var touched = Enumerable.Range(0, after.MonitoringLists.Count)
            .Where(i => !before.MonitoringLists.Contains(after.MonitoringLists[i]))
            .ToHashSet();
        var results = validator.ValidateAll(after.MonitoringLists, touched);
        var previous = validator.ValidateAll(before.MonitoringLists);
        var errors = results.Where(r => touched.Contains(r.Index)).SelectMany(r => r.Errors.Where(e =>
                mode == ValidationMode.Strict
                || !previous.Any(p => MonitoringListEdits.SameId(p.ListId, r.ListId) && p.Errors.Any(old => old.Detail == e.Detail))))
            .ToList();
        // Presets this change did not touch may keep what an older version of this app wrote; they still load here.
        errors.AddRange(after.Presets.Where(p => !before.Presets.Contains(p)).SelectMany(CalculatorPresetRules.Check));
        if (errors.Count > 0)
        {
            throw new PresetsValidationException(errors);
        }
    }
}
