namespace FormFlow.Server.Services;

internal static class ServicesSetup
{
    public static IServiceCollection AddServiceHall(this IServiceCollection services) => services.AddSingleton<ServiceDirectory>();
}
