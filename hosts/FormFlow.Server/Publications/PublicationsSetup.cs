using FormFlow.Server.Effects;

namespace FormFlow.Server.Publications;

/// <summary>Registers the feed reader, authoring and the publish step's effect handler.</summary>
internal static class PublicationsSetup
{
    public static IServiceCollection AddPublications(this IServiceCollection services)
    {
        services.AddScoped<FeedReader>();
        services.AddScoped<PublicationAuthoring>();
        services.AddScoped<IEffectHandler, PublishHandler>();
        return services;
    }
}
