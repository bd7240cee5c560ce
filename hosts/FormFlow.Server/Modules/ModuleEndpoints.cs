using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Cases;
using FormFlow.Persistence.Modules;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Services;
using FormFlow.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Modules;

/// <summary>
/// Studio's module library: list, read, derive, edit the overlay or the template package, preview the snapshot,
/// upgrade onto the parent's new version and settle conflicts, publish, activate for an org subtree.
/// </summary>
internal static class ModuleEndpoints
{
    public static void MapModuleEndpoints(this IEndpointRouteBuilder app)
    {
        var modules = app.MapGroup("/api/modules").WithTags("Modules").RequireAuthorization().ProducesProblem(401).ProducesProblem(403);
        modules.MapModuleReading().MapModuleEditing().MapModuleVersions().MapModuleActivation();
        modules.MapModuleLifecycle();
        modules.MapTestRun();
        modules.MapMigrations();
        app.MapStudioTools();
    }
}
