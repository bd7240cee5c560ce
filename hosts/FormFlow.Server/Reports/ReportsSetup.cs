namespace FormFlow.Server.Reports;

/// <summary>Reports of one's own: saved from the figures, run by the runner's scope, exported and sent by schedule.</summary>
internal static class ReportsSetup
{
    public static IServiceCollection AddReports(this IServiceCollection services) => services
        .AddScoped<SavedReports>()
        .AddSingleton<ReportScheduler>().AddHostedService(sp => sp.GetRequiredService<ReportScheduler>());

    public static void MapReports(this IEndpointRouteBuilder app) => app.MapReportEndpoints();
}
