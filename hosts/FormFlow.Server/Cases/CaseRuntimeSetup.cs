using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Server.Dispatch;
using FormFlow.Server.Effects;
using FormFlow.Server.Notifications;
using FormFlow.Server.Tasks;

namespace FormFlow.Server.Cases;

/// <summary>The durable runtime's services: the workflow runner on the server's clock and org tree, case and task services, the dispatcher.</summary>
public static class CaseRuntimeSetup
{
    public static IServiceCollection AddCaseRuntime(this IServiceCollection services)
    {
        services.AddSingleton<OrgDirectory>();
        services.AddSingleton(sp => new WorkflowRunner(new WorkflowRunnerOptions
        {
            Clock = sp.GetRequiredService<TimeProvider>(),
            Orgs = sp.GetRequiredService<OrgDirectory>(),
        }));
        services.AddScoped<CaseReader>();
        services.AddScoped<CaseStimuli>();
        services.AddScoped<CaseSubmission>();
        services.AddScoped<TaskReader>();
        services.AddScoped<IEffectHandler, NotifyEffect>();
        services.AddScoped<IEffectHandler, RequestInformationEffect>();
        services.AddSingleton<WorkLease>();
        services.AddSingleton<CaseDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<CaseDispatcher>());
        return services;
    }
}
