namespace FormFlow.Server.Dispatch;

/// <summary>The background dispatcher that fires timers and carries out outbox items, under this process's lease.</summary>
internal static class DispatchSetup
{
    public static IServiceCollection AddDispatch(this IServiceCollection services)
    {
        services.AddSingleton<WorkLease>();
        services.AddSingleton<CaseDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<CaseDispatcher>());
        return services;
    }
}
