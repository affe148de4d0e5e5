using MonitorDashboard.Presets;

namespace MonitorDashboard.Tests.Presets;

public sealed class PresetsOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid_ten_second_lock_timeout_and_ten_generations()
    {
        var options = new PresetsOptions();

        Assert.True(new PresetsOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(10), options.LockTimeout);
        Assert.Equal(10, options.BackupGenerations);
    }

    [Fact]
    public void Every_bad_value_is_reported_with_its_key()
    {
        var result = new PresetsOptionsValidator().Validate(null, new PresetsOptions
        {
            LockTimeout = TimeSpan.Zero,
            BackupGenerations = 0,
            PollInterval = TimeSpan.Zero,
            Debounce = TimeSpan.FromSeconds(-1),
        });

        Assert.Equal(
            [
                "Presets:LockTimeout: 00:00:00 must be more than zero and at most 00:10:00",
                "Presets:BackupGenerations: 0 is outside 1–1000",
                "Presets:PollInterval: 00:00:00 must be more than zero",
                "Presets:Debounce: -00:00:01 must not be negative",
            ],
            result.Failures);
    }
}
