namespace FormFlow.Server.Privacy;

internal static class PrivacySetup
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services) => services.AddSingleton<PiiProtector>();
}
