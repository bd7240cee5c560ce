namespace FormFlow.Server.Orgs;

/// <summary>Registers the org tree for the workflow runner and the org administration.</summary>
internal static class OrgsSetup
{
    public static IServiceCollection AddOrgs(this IServiceCollection services) => services
        .AddSingleton<OrgDirectory>()
        .AddScoped<OrgAdministration>()
        .AddScoped<OrgImport>();
}
