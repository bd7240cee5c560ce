namespace FormFlow.Server.Delegations;

internal static class DelegationsSetup
{
    public static IServiceCollection AddDelegations(this IServiceCollection services) => services.AddScoped<AbsenceDelegation>();
}
