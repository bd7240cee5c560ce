namespace FormFlow.Server.Tasks;

internal static class TasksSetup
{
    public static IServiceCollection AddTasks(this IServiceCollection services) => services.AddScoped<TaskReader>().AddScoped<TaskClaims>().AddScoped<TaskHandDown>();
}
