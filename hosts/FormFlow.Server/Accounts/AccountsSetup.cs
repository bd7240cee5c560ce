using Microsoft.AspNetCore.Identity;

namespace FormFlow.Server.Accounts;

/// <summary>Registers account administration.</summary>
internal static class AccountsSetup
{
    public static IServiceCollection AddAccountAdministration(this IServiceCollection services) => services
        .AddScoped<AccountAdministration>()
        .Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = PasswordReset.Lifespan);

    public static void MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapAccountAdminEndpoints();
        app.MapPasswordReset();
    }
}
