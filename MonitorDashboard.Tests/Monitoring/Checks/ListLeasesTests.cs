using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.Monitoring.Checks;

/// <summary>How a running check keeps its claim: what a kill at any moment finds in the lease row.</summary>
public sealed class ListLeasesTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_new_stage_reaches_the_lease_within_a_second_not_at_the_next_renewal()
    {
        var time = new FakeTimeProvider(Start);
        var store = new RecordingLeases();
        var owner = new LeaseOwner("planner-pc", 4711, Start, Guid.NewGuid(), "MonitorDashboard");
        var leases = new ListLeases(store, owner, Options.Create(new MonitoringOptions { RunLease = TimeSpan.FromMinutes(1) }), time,
            NullLogger<ListLeases>.Instance);
        var lease = new RunLease("list-1", Guid.NewGuid(), "Sensor boards", RunTrigger.Schedule, Start, Start, Start.AddMinutes(1), owner,
            "starting", "c0ffee");
        var progress = new CheckProgress();
        using var stop = new CancellationTokenSource();
        var keeping = leases.KeepAsync(lease, progress, stop.Token);

        progress.Enter("fetching from InvenTree", () => "fetching the BOM of Sensor Board");
        time.Advance(TimeSpan.FromSeconds(1));

        await Poll.UntilAsync(() => store.Renewals.Count > 0, because: "the new stage was not written");
        Assert.Equal(("fetching the BOM of Sensor Board", Start.AddSeconds(61)), Assert.Single(store.Renewals));
        await stop.CancelAsync();
        await keeping;
    }

    /// <summary>A hand-written <see cref="IRunLeases"/> that only records renewals.</summary>
    private sealed class RecordingLeases : IRunLeases
    {
        private readonly List<(string? Stage, DateTimeOffset ExpiresAt)> _renewals = [];

        public IReadOnlyList<(string? Stage, DateTimeOffset ExpiresAt)> Renewals
        {
            get
            {
                lock (_renewals)
                {
                    return [.. _renewals];
                }
            }
        }

        public Task<bool> RenewAsync(RunLease lease, DateTimeOffset expiresAt, string? stage, CancellationToken ct)
        {
            lock (_renewals)
            {
                _renewals.Add((stage, expiresAt));
            }
            return Task.FromResult(true);
        }

        public Task<LeaseClaim> TryAcquireAsync(RunLease wanted, Func<RunLease, RunRecord> abandoned, CancellationToken ct) =>
            throw new NotSupportedException();

        public Task CompleteAsync(RunLease? lease, RunRecord run, CancellationToken ct) => throw new NotSupportedException();

        public Task CompleteLateAsync(RunRecord run, CancellationToken ct) => throw new NotSupportedException();

        public Task ReleaseAsync(RunLease lease, CancellationToken ct) => throw new NotSupportedException();

        public Task<IReadOnlyList<RunSummary>> RecoverAbandonedAsync(DateTimeOffset now, Func<RunLease, RunRecord> abandoned, CancellationToken ct) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<RunLease>> ListAsync(CancellationToken ct) => throw new NotSupportedException();
    }
}
