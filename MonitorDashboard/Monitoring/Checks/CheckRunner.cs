using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using MonitorDashboard.Email;
using MonitorDashboard.Monitoring.History;
using MonitorDashboard.Monitoring.State;
using MonitorDashboard.Presets;
using Serilog.Context;

namespace MonitorDashboard.Monitoring.Checks;

/// <summary>
/// The one pipeline for scheduled runs, "Run now", catch-up and the CLI: never two runs of the same list at
/// once, at most <c>Monitoring:MaxConcurrentChecks</c> checks at a time (the rest queue), a correlation id in
/// every log line, the run recorded in the history and announced to the dashboard. A failing list never
/// affects the others.
/// </summary>
public sealed class CheckRunner : IDisposable
{
    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _slots;
    private readonly PresetsStore _presets;
    private readonly ListCheck _check;
    private readonly IRunHistory _history;
    private readonly MonitorState _state;
    private readonly ILogger<CheckRunner> _logger;

    public CheckRunner(PresetsStore presets, ListCheck check, IRunHistory history, MonitorState state,
        IOptions<MonitoringOptions> options, ILogger<CheckRunner> logger)
    {
        _presets = presets;
        _check = check;
        _history = history;
        _state = state;
        _logger = logger;
        _slots = new SemaphoreSlim(options.Value.MaxConcurrentChecks);
    }

    /// <summary>Checks waiting for a slot or running now (for tests and the status page).</summary>
    public int InFlight => _running.Count;

    public async Task<CheckOutcome> RunAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        var snapshot = _presets.Current ?? await _presets.LoadAsync(cancellationToken);
        if (snapshot.FindList(request.ListId) is not { } list)
        {
            return CheckOutcome.NotFound(request.ListId);
        }
        if (!snapshot.IsValid(list.Id))
        {
            var reasons = snapshot.IsMalformed
                ? snapshot.FileError!.ToString()
                : string.Join("; ", snapshot.ValidationOf(list.Id)?.Errors.Select(e => e.Message) ?? []);
            return new CheckOutcome(CheckStatus.Invalid, $"list '{list.Name}' is invalid and is not run: {reasons}");
        }
        if (!_running.TryAdd(list.Id, 0))
        {
            return new CheckOutcome(CheckStatus.AlreadyRunning, $"'{list.Name}' is already running");
        }

        var runId = Guid.NewGuid();
        var correlationId = runId.ToString("N")[..12];
        using var correlation = LogContext.PushProperty("CorrelationId", correlationId);
        using var listProperty = LogContext.PushProperty("ListId", list.Id);
        try
        {
            if (!request.DryRun)
            {
                _state.MarkRunStarted(list.Id, request.Trigger);
            }
            await _slots.WaitAsync(cancellationToken);
            RunRecord run;
            try
            {
                _logger.LogInformation("Check of {ListName} ({Trigger}) started", list.Name, request.Trigger);
                run = await _check.RunAsync(list, request, runId, correlationId, cancellationToken);
            }
            finally
            {
                _slots.Release();
            }

            if (!request.DryRun)
            {
                await _history.AddAsync(run, CancellationToken.None);
                _state.MarkRunFinished(run.Summary);
                if (run.Summary.Outcome == RunOutcome.EmailFailed)
                {
                    _state.ReportEmailFailure(list.Id, run.Summary.Error ?? "delivery failed");
                }
            }
            _logger.LogInformation("Check of {ListName} finished in {Elapsed}: {Outcome}",
                list.Name, run.Summary.FinishedAt - run.Summary.StartedAt, run.Summary.Outcome);
            return new CheckOutcome(CheckStatus.Completed, Describe(run), run);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _logger.LogInformation("Check of {ListName} cancelled before it sent anything; nothing recorded", list.Name);
            throw;
        }
        catch (Exception ex)
        {
            // A bug or an unexpected failure in one list's check: log it, tell the dashboard, keep going.
            _logger.LogError(ex, "Check of {ListName} crashed", list.Name);
            _state.ReportSystemError($"check {list.Name}", ex.Message);
            throw;
        }
        finally
        {
            _running.TryRemove(list.Id, out _);
            if (!request.DryRun)
            {
                // No-op after MarkRunFinished; clears the spinner when the run ended by an exception.
                _state.ClearRunning(list.Id);
            }
        }
    }

    /// <summary>What a user reads in a snackbar or on stderr.</summary>
    public static string Describe(RunRecord run)
    {
        var s = run.Summary;
        return s.Outcome switch
        {
            RunOutcome.Failed => $"check failed: {s.Error}",
            RunOutcome.EmailFailed => $"report could not be sent: {s.Error}",
            RunOutcome.SkippedUnchanged => "no change, no email",
            _ when run.Delivery is { Outcome: DeliveryOutcome.Disabled } => "email is globally disabled; nothing sent",
            _ when run.Delivery is { } d => $"report sent to {d.Recipients.Count(r => r.Accepted)} recipient{(d.Recipients.Count(r => r.Accepted) == 1 ? "" : "s")}"
                                            + (d.Outcome == DeliveryOutcome.PartiallySent ? $", {d.Recipients.Count(r => !r.Accepted)} rejected" : ""),
            _ => "calculated (dry run, nothing sent)",
        };
    }

    public void Dispose() => _slots.Dispose();
}
