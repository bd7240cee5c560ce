namespace FormFlow.Server.Deliveries;

/// <summary>Outgoing SMS and WeChat messages: the channels as configured (FormFlow:Channels), the delivery pass, the admin page's API.</summary>
internal static class DeliveriesSetup
{
    public static IServiceCollection AddDeliveries(this IServiceCollection services, IConfiguration config, bool demo)
    {
        foreach (var channel in ChannelSettings.Outgoing) services.AddSingleton(ChannelSettings.From(config, channel, demo));
        services.AddHttpClient(HttpGateway.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<LogChannel>();
        services.AddSingleton<ChannelAdapters>();
        services.AddScoped<DeliveryBoard>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryDispatcher>());
        return services;
    }
}
