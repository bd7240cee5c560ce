using System.Text.Json.Nodes;
using FormFlow.Engine.Modules;
using FormFlow.Persistence;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Modules;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Modules;

/// <summary>Editing: derive a module for a lower org, the derived module's overlay, the template's package, the derived module's settings.</summary>
internal static class ModuleEditEndpoints
{
    internal static RouteGroupBuilder MapModuleEditing(this RouteGroupBuilder modules)
    {
        modules.MapPost("/{id:int}/derive", DeriveAsync).Produces<ModuleSummaryView>(201).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Derive the module for a lower org unit: a new module with an empty overlay on the latest published version. With moduleKey (and name) it is a service of its own, derivable by the parent's owner too; 409 naming moduleKey when the key is taken.");
        modules.MapGet("/{id:int}/overlay", GetOverlayAsync).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("A derived module's draft overlay: {operations, basedOn: {moduleId, version, hash}, log}; the ETag names the draft's revision.");
        modules.MapPut("/{id:int}/overlay", PutOverlayAsync).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Replace the overlay's operations; If-Match (the GET's ETag) makes it 409 {savedBy, savedAt, revision} when someone saved in between; 422 with errors [{element, property, lockedBy: {orgUnitId, orgName, level}, reason}] when a lock or the result refuses them.");
        modules.MapGet("/{id:int}/draft", GetDraftAsync).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("A template's draft package: the manifest with its forms, workflow and translations inline; the ETag names the draft's revision.");
        modules.MapPut("/{id:int}/draft", PutDraftAsync).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Replace a template's draft package; If-Match (the GET's ETag) makes it 409 {savedBy, savedAt, revision} when someone saved in between; 422 naming every problem (format, forms, workflow, locks, soundness).");
        modules.MapPut("/{id:int}/settings", SettingsAsync).Produces<ModuleSummaryView>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("A derived module's settings: {autoUpgrade} — whether it follows its parent's new versions on its own (default on).");
        return modules;
    }

    private static Task<IResult> DeriveAsync(int id, DeriveRequest body, FormFlowDbContext db, HttpContext http, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        var access = await ModuleGuards.AccessAsync(db, http, ct);
        var (parent, parentOwner) = await ModuleGuards.ReadableAsync(db, access, id, ct);
        var org = await db.OrgUnits.SingleOrDefaultAsync(o => o.Id == body.OrgUnitId, ct)
            ?? throw ModuleRefusal.Invalid("Unknown org unit", $"orgUnitId {body.OrgUnitId} does not exist");
        if (!access.CanDeriveFor(org)) throw ModuleRefusal.Forbidden($"deriving for {org.Name} takes a designer or admin role at {org.Name} or above");
        var key = body.ModuleKey is null ? null : ModuleLifecycle.ModuleKey(body.ModuleKey);
        var name = body.Name is null ? null : ModuleLifecycle.Name(body.Name);
        var module = await ModuleLibrary.DeriveAsync(db, parent, parentOwner, org, access.Actor, ModuleGuards.Now(http), ct, key, name);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/modules/{module.Id}", ModuleSummaryView.From(module, org, ModuleLibrary.Latest(parent)?.SnapshotHash));
    });

    private static Task<IResult> GetOverlayAsync(int id, FormFlowDbContext db, HttpContext http, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        var (module, _) = await ModuleGuards.ReadableAsync(db, await ModuleGuards.AccessAsync(db, http, ct), id, ct);
        var view = OverlayView(module);
        DraftRevisions.Tag(http, module);
        return TypedResults.Ok(view);
    });

    private static Task<IResult> PutOverlayAsync(int id, OverlayRequest body, FormFlowDbContext db, HttpContext http, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        var access = await ModuleGuards.AccessAsync(db, http, ct);
        var (module, owner) = await ModuleGuards.EditableAsync(db, access, id, ct);
        if (module.Kind != ModuleKinds.Derived)
            throw ModuleRefusal.Conflict("Not a derived module", $"module {module.Id} is a template: edit its package through /draft");
        DraftRevisions.CheckIfMatch(http, module);
        var loaded = module.DraftRevision;
        try
        {
            await ModuleLibrary.SetOverlayAsync(db, module, owner, body.Operations, access.Actor, ModuleGuards.Now(http), ct);
        }
        catch (ModuleException ex)
        {
            return ModuleProblemDetails.From(ex, ex.Problems.Any(p => p.LockedBy is not null) ? "The overlay breaks a lock" : "The overlay is not valid");
        }
        await DraftRevisions.SaveAsync(db, module, loaded, ct);
        DraftRevisions.Tag(http, module);
        return TypedResults.Ok(OverlayView(module));
    });

    private static Task<IResult> GetDraftAsync(int id, FormFlowDbContext db, HttpContext http, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        var (module, _) = await ModuleGuards.ReadableAsync(db, await ModuleGuards.AccessAsync(db, http, ct), id, ct);
        if (module.Kind != ModuleKinds.Template)
            throw ModuleRefusal.Conflict("Not a template", $"module {module.Id} is derived: its draft is the overlay (/overlay)");
        DraftRevisions.Tag(http, module);
        return TypedResults.Ok(ModuleLibrary.Draft(module));
    });

    private static Task<IResult> PutDraftAsync(int id, JsonNode? body, FormFlowDbContext db, HttpContext http, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        var access = await ModuleGuards.AccessAsync(db, http, ct);
        var (module, owner) = await ModuleGuards.EditableAsync(db, access, id, ct);
        if (module.Kind != ModuleKinds.Template)
            throw ModuleRefusal.Conflict("Not a template", $"module {module.Id} is derived: edit its overlay (/overlay)");
        DraftRevisions.CheckIfMatch(http, module);
        var loaded = module.DraftRevision;
        ModuleLibrary.SetPackage(db, module, owner, body, access.Actor, ModuleGuards.Now(http));
        await DraftRevisions.SaveAsync(db, module, loaded, ct);
        DraftRevisions.Tag(http, module);
        return TypedResults.Ok(ModuleLibrary.Draft(module));
    });

    private static Task<IResult> SettingsAsync(int id, ModuleSettingsRequest body, FormFlowDbContext db, HttpContext http, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        var access = await ModuleGuards.AccessAsync(db, http, ct);
        var (module, owner) = await ModuleGuards.EditableAsync(db, access, id, ct);
        if (module.Kind != ModuleKinds.Derived)
            throw ModuleRefusal.Conflict("Not a derived module", $"module {module.Id} is a template: it has no parent whose versions it could follow");
        if (module.AutoUpgrade != body.AutoUpgrade)
        {
            module.AutoUpgrade = body.AutoUpgrade;
            AuditLog.Append(db, access.Actor, "module.settingsChanged", $"module:{module.Id}", module.OwnerOrgUnitId, new JsonObject { ["autoUpgrade"] = body.AutoUpgrade });
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(await ModuleSummaries.SummaryAsync(db, module, owner, ct));
    });

    private static JsonObject OverlayView(ModuleRecord module)
    {
        if (module.Kind != ModuleKinds.Derived)
            throw ModuleRefusal.Conflict("Not a derived module", $"module {module.Id} is a template: edit its package through /draft");
        var draft = ModuleLibrary.Draft(module);
        var basedOn = draft["base"]!.DeepClone().AsObject();
        basedOn["moduleId"] = module.ParentModuleId;
        return new JsonObject { ["operations"] = draft["operations"]!.DeepClone(), ["basedOn"] = basedOn, ["log"] = draft["log"]?.DeepClone() ?? new JsonArray() };
    }
}
