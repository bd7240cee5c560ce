using FormFlow.Server.Effects;

namespace FormFlow.Server.Training;

/// <summary>Question banks, level-by-level trainings and timed contests with their leaderboards.</summary>
internal static class TrainingSetup
{
    public static IServiceCollection AddTraining(this IServiceCollection services) => services
        .AddScoped<QuestionBanks>().AddScoped<BankSheets>().AddScoped<Trainings>().AddScoped<Contests>()
        .AddScoped<Attempts>().AddScoped<Leaderboards>().AddScoped<ContestSettlement>()
        .AddScoped<ContestMonitor>().AddSingleton<ContestPulse>()
        .AddScoped<IEffectHandler, CollectedQuestionHandler>()
        .AddSingleton<ContestCloser>().AddHostedService(sp => sp.GetRequiredService<ContestCloser>());

    public static void MapTraining(this IEndpointRouteBuilder app)
    {
        app.MapTrainingEndpoints();
        app.MapContestMonitor();
    }
}
