using MonitorDashboard.Components.Pages.Lists;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Tests.Components.Pages.Lists;

/// <summary>The edit form's "replenish to minimum stock" switch and what it saves.</summary>
public sealed class ListFormTests
{
    [Fact]
    public void A_list_without_the_key_shows_the_switch_off_and_is_saved_without_the_key()
    {
        var list = new MonitoringList { Id = "a", Name = "Widget line" };

        var form = ListForm.From(list);

        Assert.False(form.ReplenishToMinimum);
        Assert.Null(form.ToList(list).ReplenishToMinimum);
    }

    [Fact]
    public void Turning_the_switch_on_saves_true_and_changes_the_fingerprint()
    {
        var list = new MonitoringList { Id = "a", Name = "Widget line" };
        var form = ListForm.From(list);
        var before = form.Fingerprint();

        form.ReplenishToMinimum = true;

        Assert.True(form.ToList(list).ReplenishToMinimum);
        Assert.NotEqual(before, form.Fingerprint());
    }

    [Theory]
    [InlineData(true, false, null)]    // switched off: the key goes, absent means off
    [InlineData(false, false, false)]  // spelt out as false in the file: stays spelt out
    [InlineData(true, true, true)]
    public void The_key_is_written_only_when_on_or_already_spelt_out_as_false(bool inFile, bool switchedTo, bool? saved)
    {
        var list = new MonitoringList { Id = "a", Name = "Widget line", ReplenishToMinimum = inFile };
        var form = ListForm.From(list);
        Assert.Equal(inFile, form.ReplenishToMinimum);

        form.ReplenishToMinimum = switchedTo;

        Assert.Equal(saved, form.ToList(list).ReplenishToMinimum);
    }
}
