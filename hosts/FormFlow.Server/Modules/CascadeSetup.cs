namespace FormFlow.Server.Modules;

/// <summary>The durable cascade after a publish: its runner (publish requests use it) and the background recovery.</summary>
internal static class CascadeSetup
{
    public static IServiceCollection AddUpgradeCascades(this IServiceCollection services)
    {
        services.AddSingleton<CascadeRunner>();
        services.AddSingleton<CascadeRecovery>();
        services.AddHostedService(sp => sp.GetRequiredService<CascadeRecovery>());
        return services;
    }
}
