using FormFlow.Server.Effects;

namespace FormFlow.Server.Points;

/// <summary>Registers the points effect handler for the case dispatcher.</summary>
internal static class PointsSetup
{
    public static IServiceCollection AddPoints(this IServiceCollection services) =>
        services.AddScoped<IEffectHandler, AwardPointsHandler>();
}
