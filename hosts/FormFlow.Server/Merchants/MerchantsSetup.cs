namespace FormFlow.Server.Merchants;

/// <summary>Registers merchant records: onboarding, import, the members' directory and the redemption ledger.</summary>
internal static class MerchantsSetup
{
    public static IServiceCollection AddMerchants(this IServiceCollection services) => services
        .AddScoped<MerchantAdministration>()
        .AddScoped<MerchantImport>()
        .AddScoped<MerchantDirectory>()
        .AddScoped<MerchantLedger>();

    public static void MapMerchants(this IEndpointRouteBuilder app) => app.MapMerchantRecordEndpoints();
}
