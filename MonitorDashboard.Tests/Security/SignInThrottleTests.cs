using System.Net;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Security;

namespace MonitorDashboard.Tests.Security;

public sealed class SignInThrottleTests
{
    private static readonly IPAddress A = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress B = IPAddress.Parse("198.51.100.20");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private SignInThrottle Throttle() => new(_time);

    private static void Fail(SignInThrottle throttle, IPAddress address, string userName, int times)
    {
        for (var i = 0; i < times; i++)
        {
            throttle.RecordFailure(address, userName);
        }
    }

    [Fact]
    public void The_first_three_failures_cost_nothing_and_the_next_attempt_waits_one_second()
    {
        var throttle = Throttle();

        for (var i = 0; i < SignInThrottle.FreeFailuresPerUser; i++)
        {
            Assert.Null(throttle.RetryAfter(A, "alice"));
            throttle.RecordFailure(A, "alice");
        }

        Assert.Equal(TimeSpan.FromSeconds(1), throttle.RetryAfter(A, "alice"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(throttle.RetryAfter(A, "alice"));
    }

    [Fact]
    public void Each_further_failure_doubles_the_wait_up_to_fifteen_minutes()
    {
        var throttle = Throttle();
        Fail(throttle, A, "alice", SignInThrottle.FreeFailuresPerUser);
        var waits = new List<TimeSpan>();

        for (var i = 0; i < 14; i++)
        {
            var wait = throttle.RetryAfter(A, "alice")!.Value;
            waits.Add(wait);
            _time.Advance(wait);
            Assert.Null(throttle.RetryAfter(A, "alice"));
            throttle.RecordFailure(A, "alice");
        }

        double[] expected = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900];
        Assert.Equal(expected, waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public void A_user_throttled_from_one_address_signs_in_at_once_from_another()
    {
        var throttle = Throttle();
        Fail(throttle, A, "alice", 12);

        Assert.NotNull(throttle.RetryAfter(A, "alice"));
        Assert.Null(throttle.RetryAfter(B, "alice"));
        Assert.Null(throttle.RetryAfter(B, "ALICE "));
    }

    [Fact]
    public void Other_user_names_from_the_same_address_are_not_slowed_by_one_throttled_name()
    {
        var throttle = Throttle();
        Fail(throttle, A, "alice", 10);

        Assert.Null(throttle.RetryAfter(A, "bob"));
    }

    [Fact]
    public void A_success_clears_the_pair()
    {
        var throttle = Throttle();
        Fail(throttle, A, "alice", SignInThrottle.FreeFailuresPerUser);
        _time.Advance(TimeSpan.FromSeconds(1));
        throttle.RecordFailure(A, "alice");
        _time.Advance(TimeSpan.FromSeconds(2));

        throttle.RecordSuccess(A, "alice");

        for (var i = 0; i < SignInThrottle.FreeFailuresPerUser; i++) // three free failures again, not a 4 s wait
        {
            Assert.Null(throttle.RetryAfter(A, "alice"));
            throttle.RecordFailure(A, "alice");
        }
        Assert.Equal(TimeSpan.FromSeconds(1), throttle.RetryAfter(A, "alice"));
    }

    [Fact]
    public void A_pair_quiet_for_an_hour_is_forgotten()
    {
        var throttle = Throttle();
        Fail(throttle, A, "alice", 16);
        Assert.Equal(SignInThrottle.MaxDelay, throttle.RetryAfter(A, "alice"));

        _time.Advance(SignInThrottle.ForgetAfter);

        Fail(throttle, A, "alice", SignInThrottle.FreeFailuresPerUser);
        Assert.Equal(TimeSpan.FromSeconds(1), throttle.RetryAfter(A, "alice"));
    }

    [Fact]
    public void A_sprayer_trying_many_names_from_one_address_is_slowed_for_every_name_and_other_addresses_are_not()
    {
        var throttle = Throttle();
        for (var i = 0; i < SignInThrottle.FreeFailuresPerAddress; i++)
        {
            Fail(throttle, A, "user" + i, 1);
        }

        Assert.Equal(TimeSpan.FromSeconds(1), throttle.RetryAfter(A, "someone-new"));
        Assert.Equal(TimeSpan.FromSeconds(1), throttle.RetryAfter(A, "user0"));
        Assert.Null(throttle.RetryAfter(B, "someone-new"));
        Assert.Null(throttle.RetryAfter(B, "user0"));

        _time.Advance(TimeSpan.FromSeconds(1));
        throttle.RecordFailure(A, "user20");
        Assert.Equal(TimeSpan.FromSeconds(2), throttle.RetryAfter(A, "anyone"));
    }

    [Fact]
    public void A_success_does_not_reset_the_address_budget()
    {
        var throttle = Throttle();
        for (var i = 0; i < SignInThrottle.FreeFailuresPerAddress; i++)
        {
            Fail(throttle, A, "user" + i, 1);
        }

        throttle.RecordSuccess(A, "alice");

        Assert.NotNull(throttle.RetryAfter(A, "bob"));
    }

    [Fact]
    public void Without_user_names_token_mode_counts_the_address_alone()
    {
        var throttle = Throttle();
        for (var i = 0; i < SignInThrottle.FreeFailuresPerUser; i++)
        {
            Assert.Null(throttle.RetryAfter(A, null));
            throttle.RecordFailure(A, null);
        }

        Assert.Equal(TimeSpan.FromSeconds(1), throttle.RetryAfter(A, null));
        Assert.Null(throttle.RetryAfter(B, null));
    }

    [Fact]
    public void An_IPv4_address_is_the_same_client_when_mapped_into_IPv6()
    {
        var throttle = Throttle();
        Fail(throttle, A, "alice", SignInThrottle.FreeFailuresPerUser);

        Assert.NotNull(throttle.RetryAfter(A.MapToIPv6(), "alice"));
    }

    [Fact]
    public void IPv6_clients_are_counted_by_their_64_bit_prefix_so_rotating_the_interface_part_does_not_help()
    {
        var throttle = Throttle();
        Fail(throttle, IPAddress.Parse("2001:db8:1:2::1"), "alice", SignInThrottle.FreeFailuresPerUser);

        Assert.NotNull(throttle.RetryAfter(IPAddress.Parse("2001:db8:1:2:ffff::9"), "alice"));
        Assert.Null(throttle.RetryAfter(IPAddress.Parse("2001:db8:1:3::1"), "alice"));
    }

    [Fact]
    public void A_flood_of_one_off_failures_from_many_addresses_does_not_make_it_forget_a_throttled_pair()
    {
        var throttle = Throttle();
        Fail(throttle, A, "alice", 8);
        var wait = throttle.RetryAfter(A, "alice");

        for (var i = 0; i < 3 * SignInThrottle.MaxTrackedKeys; i++)
        {
            throttle.RecordFailure(new IPAddress(0x0A000000u + (uint)i), "alice");
        }

        Assert.Equal(wait, throttle.RetryAfter(A, "alice"));
    }
}
