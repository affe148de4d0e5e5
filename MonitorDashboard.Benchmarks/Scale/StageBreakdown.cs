using System.Text.Encodings.Web;
using Fluid;
using Microsoft.Extensions.DependencyInjection;
using MonitorDashboard.Calculation;
using MonitorDashboard.Email;
using MonitorDashboard.Email.Outbox;
using MonitorDashboard.Email.Templates;
using MonitorDashboard.InvenTree;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Monitoring.Checks;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.Notices;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Benchmarks.Scale;

/// <summary>
/// Where a check's CPU goes: the app's real components (built by its own DI, <see cref="PipelineHost"/>) run stage
/// by stage over up to <see cref="SampleLists"/> of the N lists, one check at a time, in the benchmark's process beside
/// the emulator, with presets.json and the state holding all N (their costs grow with N). Each stage is
/// timed by process CPU time (so background work — GC, the emulator answering the first fetches — is
/// counted where it happens) and wall time. The fetch shares one <see cref="SharedFetchClient"/> for the whole burst,
/// as a scheduler tick does; its second, cached pass is the calculation alone.
/// </summary>
internal sealed class StageBreakdown(EmulatorServer emulator, string repositoryRoot)
{
    /// <summary>Lists each stage goes through: enough for a stable average; presets.json and the state still hold all N.</summary>
    public const int SampleLists = 200;

    /// <summary>A stage that is still slow (seconds a check) stops after this long, so CI keeps its time.</summary>
    private static readonly TimeSpan StageBudget = TimeSpan.FromSeconds(10);

    public async Task<IReadOnlyList<StageCost>> RunAsync(string presetsJson, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("md-scale-stages-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "presets.json"), presetsJson, cancellationToken);
            using var host = PipelineHost.Build(folder, repositoryRoot, emulator);
            var pipeline = new Pipeline(host.Services, await host.Services.GetRequiredService<PresetsStore>().LoadAsync(cancellationToken));
            await pipeline.RunStagesAsync(0, 1, StageBudget, cancellationToken); // warm-up: JIT and first connections, on a list of its own
            return await pipeline.RunStagesAsync(1, Math.Min(SampleLists, pipeline.Lists.Count - 1), StageBudget, cancellationToken);
        }
        finally
        {
            TryDelete(folder);
        }
    }

    /// <summary>The per-check values one stage hands the next.</summary>
    private sealed class Pipeline(IServiceProvider services, PresetsSnapshot snapshot)
    {
        private readonly CalculationService _calculation = services.GetRequiredService<CalculationService>();
        private readonly IInvenTreeClient _inventree = services.GetRequiredService<IInvenTreeClient>();
        private readonly UnsavedHashes _unsaved = services.GetRequiredService<UnsavedHashes>();
        private readonly PresetsStore _presets = services.GetRequiredService<PresetsStore>();
        private readonly IRunStore _history = services.GetRequiredService<IRunStore>();
        private readonly ReportRenderer _reports = services.GetRequiredService<ReportRenderer>();
        private readonly ReportViewBuilder _views = services.GetRequiredService<ReportViewBuilder>();
        private readonly TemplateStore _templates = services.GetRequiredService<TemplateStore>();
        private readonly EmailFormatting _formatting = services.GetRequiredService<EmailFormatting>();
        private readonly MimeMessageFactory _mime = services.GetRequiredService<MimeMessageFactory>();
        private readonly OutboxEmailSender _outbox = services.GetRequiredService<OutboxEmailSender>();
        private readonly ListLeases _leases = services.GetRequiredService<ListLeases>();
        private readonly IRunLeases _runLeases = services.GetRequiredService<IRunLeases>();
        private readonly AdminNotifier _admins = services.GetRequiredService<AdminNotifier>();
        private readonly MonitorState _state = services.GetRequiredService<MonitorState>();
        private readonly TimeProvider _time = services.GetRequiredService<TimeProvider>();

        public IReadOnlyList<MonitoringList> Lists => snapshot.MonitoringLists;

        public async Task<IReadOnlyList<StageCost>> RunStagesAsync(int first, int count, TimeSpan budget, CancellationToken ct)
        {
            var lists = Lists.Skip(first).Take(count).ToList();
            var n = lists.Count;
            var meter = new StageMeter(n, budget);
            var results = new CalculationResult[n];
            var hashes = new string[n];
            var models = new ReportModel[n];
            var messages = new EmailMessage[n];
            var deliveries = new DeliveryResult[n];
            var records = new RunRecord[n];
            var leases = new RunLease?[n];
            var shared = new SharedFetchClient(_inventree, ct);

            var fetchAndCalculate = await meter.MeasureAsync("fetch + calculation", async i =>
                results[i] = (await _calculation.RunAsync(Requests(lists[i]), ListCalculationOptions.For(lists[i]), ct, shared)).Result);
            var calculate = await meter.MeasureAsync("calculation", async i =>
                results[i] = (await _calculation.RunAsync(Requests(lists[i]), ListCalculationOptions.For(lists[i]), ct, shared)).Result);
            var hash = await meter.Measure("significant-result hash", i => hashes[i] = SignificantResult.Hash(results[i]));
            var reads = await meter.MeasureAsync("history reads (last hash, previous report)", async i =>
            {
                var lastHash = await _unsaved.EffectiveLastHashAsync(lists[i], ct);
                var previous = await _history.LastReportedAsync(lists[i].Id, ct);
                models[i] = new ReportModel(lists[i].Id, lists[i].Name, lists[i].TimeZone, lists[i].Recipients, _time.GetUtcNow(), results[i],
                    ResultDiff.Compare(previous?.Result, results[i]), !string.Equals(hashes[i], lastHash, StringComparison.OrdinalIgnoreCase));
            });
            var templates = await meter.Measure("report rendering (view + templates)", i =>
            {
                var view = _views.Build(models[i]);
                var zone = _formatting.For(models[i].TimeZone).Zone;
                _ = _templates.Render(ReportRenderer.HtmlTemplate, "report", view, HtmlEncoder.Default, zone);
                _ = _templates.Render(ReportRenderer.TextTemplate, "report", view, NullEncoder.Default, zone);
            });
            var rendered = await meter.Measure("ReportRenderer.RenderReport", i => messages[i] = _reports.RenderReport(models[i]));
            var mime = await meter.Measure("MIME building", i => _ = _mime.Create(messages[i]));
            var send = await meter.MeasureAsync("outbox (MIME + write)", async i => deliveries[i] = await _outbox.SendAsync(messages[i], ct));
            var claim = await meter.MeasureAsync("lease claim", async i =>
                leases[i] = await _leases.AcquireAsync(lists[i], Request(lists[i]), Guid.NewGuid(), "benchmark", ct) is LeaseGranted granted ? granted.Lease : null);
            // The app writes the hashes of all reports finished within a second in one presets.json write (LastHashWrites):
            // here one write of every list's hash, divided by the lists, which is that write's share per check.
            var lastHash = await meter.MeasureBatchAsync("presets.json last_hash write (one write for all, ÷ lists)", async count =>
                await _presets.SetLastHashesAsync(lists.Take(count).Select((l, i) => (l.Id, Hash: (string?)hashes[i]))
                    .ToDictionary(h => h.Id, h => h.Hash, StringComparer.OrdinalIgnoreCase), ct));
            var insert = await meter.MeasureAsync("history insert (run + lease)", async i =>
            {
                records[i] = Record(lists[i], leases[i], results[i], hashes[i], messages[i], deliveries[i]);
                await _runLeases.CompleteAsync(leases[i], records[i], ct);
            });
            var notices = await meter.MeasureAsync("admin notice bookkeeping", async i =>
                await _admins.AfterRunAsync(lists[i], records[i].Summary, ct));
            var state = await StateUpdatesAsync(meter, lists, records);

            return
            [
                StageMeter.Difference("fetch (first pass − cached pass)", fetchAndCalculate, calculate),
                calculate,
                hash,
                reads,
                templates,
                StageMeter.Difference("CSS inlining (RenderReport − view + templates)", rendered, templates),
                mime,
                StageMeter.Difference("outbox write (send − MIME building)", send, mime),
                claim,
                insert,
                notices,
                lastHash,
                state,
            ];
        }

        /// <summary>MonitorState with the lists applied and one subscriber that re-reads them, as a page does.</summary>
        private async Task<StageCost> StateUpdatesAsync(StageMeter meter, IReadOnlyList<MonitoringList> lists, IReadOnlyList<RunRecord> records)
        {
            _state.ApplyPresets(snapshot);
            var seen = 0;
            using var subscription = _state.Subscribe(_ => seen += _state.Lists.Count > 0 ? 1 : 0);
            return await meter.Measure("state updates (started + finished, 1 subscriber)", i =>
            {
                _state.MarkRunStarted(lists[i].Id, RunTrigger.Schedule, records[i].Summary.RunId);
                _state.MarkRunFinished(records[i].Summary);
            });
        }

        private RunRecord Record(MonitoringList list, RunLease? lease, CalculationResult result, string hash, EmailMessage message, DeliveryResult delivery)
        {
            var progress = new CheckProgress();
            progress.Calculated(result, hash, changed: true);
            progress.Rendered(message);
            progress.Delivered(delivery);
            var context = new CheckContext(lease?.RunId ?? Guid.NewGuid(), "benchmark", progress, CancellationToken.None, CancellationToken.None);
            var now = _time.GetUtcNow();
            return ListCheck.Recorded(list, Request(list), context, now, now, RunOutcome.Shortages, null);
        }

        private static CheckRequest Request(MonitoringList list) => new(list.Id, RunTrigger.Schedule);

        /// <summary>A list's parts as the check asks for them.</summary>
        private static List<PartRequest> Requests(MonitoringList list) =>
            [.. list.Parts.Select(p => new PartRequest(p.Name, string.IsNullOrWhiteSpace(p.Version) ? null : p.Version, null, p.Quantity))];
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
