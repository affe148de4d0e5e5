namespace MonitorDashboard.Calculation;

public static class CalculationServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ShortageCalculator"/>; it holds no state, so one instance serves every check.</summary>
    public static IServiceCollection AddCalculation(this IServiceCollection services)
    {
        services.AddSingleton<ShortageCalculator>();
        return services;
    }
}
