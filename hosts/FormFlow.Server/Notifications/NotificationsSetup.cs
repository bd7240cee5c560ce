using FormFlow.Server.Effects;

namespace FormFlow.Server.Notifications;

/// <summary>The outbox handlers that write Portal notifications (messages, requests for information, hand-offs).</summary>
internal static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services) => services
        .AddScoped<IEffectHandler, NotifyEffect>()
        .AddScoped<IEffectHandler, RequestInformationEffect>()
        .AddScoped<IEffectHandler, HandOffEffect>();
}
