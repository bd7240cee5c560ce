namespace FormFlow.Server.Orgs;

internal static class OrgsSetup
{
    public static IServiceCollection AddOrgs(this IServiceCollection services) => services.AddSingleton<OrgDirectory>();
}
