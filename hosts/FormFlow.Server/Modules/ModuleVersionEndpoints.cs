using System.Text.Json.Nodes;
using FormFlow.Engine.Modules;
using FormFlow.Persistence;
using FormFlow.Persistence.Modules;

namespace FormFlow.Server.Modules;

/// <summary>Versions and upgrades: rebase onto the parent's new version, settle its conflicts, publish with the cascade below.</summary>
internal static class ModuleVersionEndpoints
{
    internal static RouteGroupBuilder MapModuleVersions(this RouteGroupBuilder modules)
    {
        modules.MapPost("/{id:int}/upgrade", UpgradeAsync).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Rebase the overlay onto the parent's latest version: {from, to, overlay, conflicts: [{id, kind, path, base, parent, child, lockedBy?, blocking}]}. Without conflicts the rebased overlay is the draft at once.");
        modules.MapGet("/{id:int}/upgrade", GetUpgradeAsync).ProducesProblem(404)
            .WithSummary("The upgrade still waiting for decisions (same shape as POST), or 404 when none is open.");
        modules.MapPost("/{id:int}/upgrade/resolve", ResolveAsync).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Settle one conflict: keepMine, takeParent or edit (with value). Logged; the last one makes the rebased overlay the draft.");
        modules.MapGet("/{id:int}/impact", ImpactAsync).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Dry run of publishing the draft, writing nothing: {module, version, hash, derived: [{moduleId, parentModuleId, org: {id, name, level}, " +
                         "status: clean | conflicts | brokenByLock | waits | upToDate | waitsForParent, reason, from, to, version?, hash?, " +
                         "conflicts: [{id, kind, path, base, parent, child, lockedBy?, message, operation?, lock?}]}] for every derived module below, " +
                         "transitively, by the rules the publish's cascade applies. 409/422 when the draft would not publish.");
        modules.MapPost("/{id:int}/publish", PublishAsync).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Publish the draft as an immutable version: 201 {version, hash, upgraded, waiting, cascade}; the derived modules below follow level by level " +
                         "(upgraded: [{moduleId, orgName, from, to, version, servicesMoved}]) unless they wait ([{moduleId, orgName, to, reason, conflicts}]: " +
                         "automatic upgrades off, a draft in progress, blocking conflicts); cascade: done, or retrying when the upgrades failed and are retried in the background. 409 while blocking conflicts remain or nothing changed, 422 when unsound.");
        return modules;
    }

    private static Task<IResult> UpgradeAsync(int id, FormFlowDbContext db, HttpContext http, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        var access = await ModuleGuards.AccessAsync(db, http, ct);
        var (module, _) = await ModuleGuards.EditableAsync(db, access, id, ct);
        var state = await ModuleLibrary.StartUpgradeAsync(db, module, access.Actor, ModuleGuards.Now(http), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UpgradeView(state));
    });

    private static Task<IResult> GetUpgradeAsync(int id, FormFlowDbContext db, HttpContext http, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        var (module, _) = await ModuleGuards.ReadableAsync(db, await ModuleGuards.AccessAsync(db, http, ct), id, ct);
        var state = await ModuleLibrary.OpenUpgradeAsync(db, module, ct)
            ?? throw new ModuleRefusal(StatusCodes.Status404NotFound, "No open upgrade", $"module {id} has no upgrade waiting for decisions");
        return TypedResults.Ok(UpgradeView(state));
    });

    private static Task<IResult> ResolveAsync(int id, ResolveConflictRequest body, FormFlowDbContext db, HttpContext http, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        var access = await ModuleGuards.AccessAsync(db, http, ct);
        var (module, _) = await ModuleGuards.EditableAsync(db, access, id, ct);
        var choice = ModuleLibrary.Choice(body.Choice);
        var state = await ModuleLibrary.OpenUpgradeAsync(db, module, ct)
            ?? throw ModuleRefusal.Conflict("No open upgrade", $"module {id} has no upgrade waiting for decisions: start one with POST /api/modules/{id}/upgrade");
        try
        {
            state = ModuleLibrary.Resolve(db, module, state, body.ConflictId, choice, body.Value, access.Actor, ModuleGuards.Now(http));
        }
        catch (ModuleException ex)
        {
            return ModuleProblemDetails.From(ex, "The choice is refused");
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UpgradeView(state));
    });

    private static Task<IResult> PublishAsync(int id, FormFlowDbContext db, HttpContext http, CascadeRunner cascades, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        var access = await ModuleGuards.AccessAsync(db, http, ct);
        var (module, owner) = await ModuleGuards.EditableAsync(db, access, id, ct);
        var claimant = cascades.NewClaimant();
        ModuleVersion version;
        ModuleCascade cascade;
        try
        {
            (version, cascade) = await cascades.PublishAsync(db, module, owner, access.Actor, claimant, ct);
        }
        catch (ModuleException ex)
        {
            return ModuleProblemDetails.From(ex, "The module is unsound");
        }
        // The version is committed with its cascade pending: if this run fails (or the process dies), the cascade is retried in the background.
        var report = await cascades.RunAsync(db, cascade.Id, claimant, resumed: false, ct);
        var answer = UpgradeCascade.ToJson(report ?? new([], []));
        answer["cascade"] = report is null ? "retrying" : "done";
        answer.Insert(0, "version", version.Version);
        answer.Insert(1, "hash", version.SnapshotHash);
        return TypedResults.Created($"/api/modules/{id}", answer);
    });

    private static Task<IResult> ImpactAsync(int id, FormFlowDbContext db, HttpContext http, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        var access = await ModuleGuards.AccessAsync(db, http, ct);
        var (module, owner) = await ModuleGuards.EditableAsync(db, access, id, ct);
        return TypedResults.Ok(await ModuleImpact.RunAsync(db, module, owner, access.Actor, ModuleGuards.Now(http), ct));
    });

    private static JsonObject UpgradeView(ModuleLibrary.UpgradeState state) => new()
    {
        ["from"] = state.From.Version,
        ["to"] = state.To.Version,
        ["overlay"] = state.Result.Overlay.DeepClone(),
        ["conflicts"] = new JsonArray(state.Result.Conflicts.Select(c =>
        {
            var node = c.ToJson();
            node.Remove("operation");
            node.Insert(0, "id", ModuleLibrary.ConflictId(c));
            return (JsonNode?)node;
        }).ToArray()),
        ["finished"] = state.Row.FinishedAt is not null,
    };
}
