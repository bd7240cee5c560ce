using FormFlow.Server.Cases;
using FormFlow.Server.Effects;

namespace FormFlow.Server.Members;

/// <summary>Registers the member card key and credentials, the member effect handlers for the case dispatcher, and the entitlement facts cases run on.</summary>
internal static class MembersSetup
{
    public static IServiceCollection AddMembers(this IServiceCollection services, CardSigningKey key)
    {
        services.AddSingleton(key);
        services.AddSingleton<MemberCredentials>();
        services.AddScoped<IBenefitOffers, ServiceBenefitOffers>();
        services.AddScoped<IEffectHandler, IssueMemberCardHandler>();
        services.AddScoped<IEffectHandler, GrantEntitlementHandler>();
        services.AddScoped<IEffectHandler, RecordRedemptionHandler>();
        services.AddScoped<ICaseFacts, EntitlementFacts>();
        services.AddScoped<MemberImport>();
        return services;
    }
}
