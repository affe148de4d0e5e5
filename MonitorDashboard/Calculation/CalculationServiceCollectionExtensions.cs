using MonitorDashboard.Calculation.Proposals;

namespace MonitorDashboard.Calculation;

public static class CalculationServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddCalculation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddTransient<BomFetcher>();
        builder.Services.AddSingleton<ShortageCalculator>();
        builder.Services.AddTransient<CalculationService>();
        builder.Services.AddTransient<OrderProposalService>();
        return builder;
    }
}
