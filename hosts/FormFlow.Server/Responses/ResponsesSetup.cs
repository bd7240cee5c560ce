namespace FormFlow.Server.Responses;

internal static class ResponsesSetup
{
    public static IServiceCollection AddResponses(this IServiceCollection services) =>
        services.AddScoped<ResponseSubmission>().AddScoped<ResultsReport>();
}
