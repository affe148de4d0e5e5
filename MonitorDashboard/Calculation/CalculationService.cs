using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Calculation;

/// <summary>A calculation together with what it cost.</summary>
public sealed record CalculationRun(CalculationResult Result, int Requests, int Rounds, int ApiVersion, TimeSpan Elapsed);

/// <summary>Fetch from InvenTree, then calculate: the one path used by the CLI, the dashboard and checks.</summary>
public sealed partial class CalculationService(BomFetcher fetcher, ShortageCalculator calculator, TimeProvider time, ILogger<CalculationService> logger)
{
    /// <param name="client">Another client to fetch through, e.g. one shared by the checks of a scheduler tick.</param>
    /// <param name="activity">Records what the fetch is waiting for, e.g. to say what a timed-out check was doing.</param>
    public async Task<CalculationRun> RunAsync(
        IReadOnlyList<PartRequest> requests,
        CalculationOptions options,
        CancellationToken cancellationToken,
        IInvenTreeClient? client = null,
        FetchActivity? activity = null)
    {
        var started = time.GetTimestamp();
        var data = await (client is null ? fetcher : fetcher.With(client)).FetchAsync(requests, options, cancellationToken, activity);
        var result = calculator.Calculate(data, options);
        var elapsed = time.GetElapsedTime(started);
        LogCalculated(requests.Count, result.PartsToOrder.Count, result.SubassembliesToBuild.Count, result.Critical.Count, elapsed, data.Requests);
        return new CalculationRun(result, data.Requests, data.Rounds, data.ApiVersion, elapsed);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Calculated {PartCount} requested parts: {ToOrder} to order, {ToBuild} to build, {Critical} critical in {Elapsed} ({Requests} requests)")]
    private partial void LogCalculated(int partCount, int toOrder, int toBuild, int critical, TimeSpan elapsed, int requests);
}
