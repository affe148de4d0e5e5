using MonitorDashboard.Presets;

namespace MonitorDashboard.Tests.Presets;

/// <summary>Which changes to presets.json are refused: only errors in the lists a change touched count, and how strictly depends on the change.</summary>
public sealed class PresetsChangeValidatorTests
{
    private readonly PresetsChangeValidator _changes = new(TempPresetsFolder.CreateValidator(TimeProvider.System));

    private static readonly MonitoringList Broken = PresetsSamples.ValidList("Broken") with { CronSchedule = "not a cron" };

    [Fact]
    public void A_strict_change_is_refused_for_the_errors_of_the_list_it_touched_only()
    {
        var before = Document(Broken);
        var added = PresetsSamples.ValidList("Added") with { Parts = [] };

        var ex = Assert.Throws<PresetsValidationException>(() => _changes.EnsureValid(before, Document(Broken, added), ValidationMode.Strict));

        Assert.Equal(["parts"], ex.Errors.Select(e => e.Field));
        _changes.EnsureValid(before, Document(Broken, PresetsSamples.ValidList("Fine")), ValidationMode.Strict);
    }

    [Fact]
    public void Pausing_a_list_may_keep_its_old_errors_but_not_add_new_ones()
    {
        var before = Document(Broken);

        _changes.EnsureValid(before, Document(Broken with { Active = false }), ValidationMode.NoNewErrors);
        var ex = Assert.Throws<PresetsValidationException>(
            () => _changes.EnsureValid(before, Document(Broken with { Active = false, Parts = [] }), ValidationMode.NoNewErrors));

        Assert.Equal(["parts"], ex.Errors.Select(e => e.Field));
    }

    [Fact]
    public void A_change_that_touches_no_definition_is_not_validated()
    {
        _changes.EnsureValid(Document(), Document(Broken), ValidationMode.None);
    }

    private static PresetsDocument Document(params MonitoringList[] lists) => new() { MonitoringLists = lists };
}
