namespace FormFlow.Server.Audit;

/// <summary>Registers the admins' audit log viewer.</summary>
internal static class AuditSetup
{
    public static IServiceCollection AddAuditTrail(this IServiceCollection services) => services.AddScoped<AuditTrail>();

    public static void MapAudit(this IEndpointRouteBuilder app) => app.MapAuditEndpoints();
}
