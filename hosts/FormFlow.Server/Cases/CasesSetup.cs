using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Server.Orgs;

namespace FormFlow.Server.Cases;

/// <summary>The durable case runtime: the workflow runner on the server's clock and org tree, and the case services.</summary>
internal static class CasesSetup
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddSingleton(sp => new WorkflowRunner(new WorkflowRunnerOptions
        {
            Clock = sp.GetRequiredService<TimeProvider>(),
            Orgs = sp.GetRequiredService<OrgDirectory>(),
        }));
        services.AddScoped<CaseReader>();
        services.AddScoped<CaseStimuli>();
        services.AddScoped<CaseSubmission>();
        services.AddScoped<CaseExport>();
        return services;
    }
}
