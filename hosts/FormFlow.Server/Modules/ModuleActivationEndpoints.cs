using FormFlow.Persistence;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Modules;

/// <summary>Activation: offer a published version as a service to an org subtree.</summary>
internal static class ModuleActivationEndpoints
{
    internal static RouteGroupBuilder MapModuleActivation(this RouteGroupBuilder modules)
    {
        modules.MapPost("/{id:int}/activate", ActivateAsync).Produces<ActivationView>(201).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Offer a published version (default: the latest) as a service to an org unit's subtree; new cases take it, running cases keep theirs.");
        return modules;
    }

    private static Task<IResult> ActivateAsync(int id, ActivateRequest body, FormFlowDbContext db, HttpContext http, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        var access = await ModuleGuards.AccessAsync(db, http, ct);
        var (module, owner) = await ModuleGuards.EditableAsync(db, access, id, ct);
        var target = await db.OrgUnits.SingleOrDefaultAsync(o => o.Id == body.OrgUnitId, ct)
            ?? throw ModuleRefusal.Invalid("Unknown org unit", $"orgUnitId {body.OrgUnitId} does not exist");
        if (!OrgSubtree.Contains(owner.Path, target.Path))
            throw ModuleRefusal.Invalid("Outside the module's reach", $"{target.Name} is not in the subtree of {owner.Name}, which owns module {id}");
        if (!access.CanActivate(module, owner, target)) throw ModuleRefusal.Forbidden($"activating for {target.Name} takes a designer or admin role at {target.Name} or above");
        ModuleLifecycle.EnsureNotArchived(module, "activated");
        var version = body.Version is null ? ModuleLibrary.Latest(module)
            : module.Versions.SingleOrDefault(v => v.Version == body.Version)
              ?? throw ModuleRefusal.Invalid("Unknown version", $"module {id} has no published version '{body.Version}'; published: {string.Join(", ", module.Versions.Select(v => v.Version))}");
        if (version is null) throw ModuleRefusal.Conflict("Nothing published", $"module {id} has no published version to activate");
        var activation = await ServiceActivator.Activate(db, module, version, target, access.Actor, ModuleGuards.Now(http), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/services/{activation.Id}",
            new ActivationView(activation.Id, module.Key, target.Id, target.Name, version.SnapshotHash, version.Version));
    });
}
