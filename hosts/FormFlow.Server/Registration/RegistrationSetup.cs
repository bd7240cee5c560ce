namespace FormFlow.Server.Registration;

/// <summary>Worker sign-up by SMS code.</summary>
internal static class RegistrationSetup
{
    public static IServiceCollection AddRegistration(this IServiceCollection services) => services
        .AddScoped<RegistrationCodes>()
        .AddScoped<WorkerRegistration>();
}
