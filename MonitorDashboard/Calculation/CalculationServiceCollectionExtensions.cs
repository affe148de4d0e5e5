namespace MonitorDashboard.Calculation;

public static class CalculationServiceCollectionExtensions
{
    public static IServiceCollection AddCalculation(this IServiceCollection services)
    {
        services.AddTransient<BomFetcher>();
        services.AddSingleton<ShortageCalculator>();
        services.AddTransient<CalculationService>();
        return services;
    }
}
