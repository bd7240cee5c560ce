using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Modules;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Modules;

/// <summary>Create a module (from a template or blank), duplicate one, archive and unarchive.</summary>
internal static class ModuleLifecycleEndpoints
{
    internal static void MapModuleLifecycle(this RouteGroupBuilder modules)
    {
        modules.MapPost("/", CreateAsync).Produces<ModuleSummaryView>(201).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Start a new template draft owned by ownerOrgId: a template's published version (fromModuleId, fromVersion; default the latest) under a new moduleKey, name and category, or a blank starter (one form, start → end) without fromModuleId. Not published, no parent.");
        modules.MapPost("/{id:int}/duplicate", DuplicateAsync).Produces<ModuleSummaryView>(201).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Copy a module's current draft into a new module owned by ownerOrgId: a template under a new moduleKey and name; a derived module stays derived from the same parent with its overlay copied (its module key stays the parent's).");
        modules.MapPost("/{id:int}/archive", ArchiveAsync).Produces<ModuleSummaryView>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Archive a module (admins over its owner, or its editors): hidden from the library unless ?archived=true, no longer derived or newly activated; services already running keep running.");
        modules.MapPost("/{id:int}/unarchive", UnarchiveAsync).Produces<ModuleSummaryView>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Bring an archived module back into the library.");
    }

    private static Task<IResult> CreateAsync(CreateModuleRequest body, FormFlowDbContext db, HttpContext http, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        var access = await ModuleGuards.AccessAsync(db, http, ct);
        var key = ModuleLifecycle.ModuleKey(body.ModuleKey);
        var name = ModuleLifecycle.Name(body.Name);
        var owner = await ModuleLifecycle.TargetOrgAsync(db, body.OwnerOrgId, access.CanCreateTemplateAt, "designer", ct);
        JsonObject package;
        string category;
        var audit = new JsonObject();
        if (body.FromModuleId is { } fromId)
        {
            var source = await SourceTemplateAsync(db, access, fromId, ct);
            var version = body.FromVersion is null ? ModuleLibrary.Latest(source)
                : source.Versions.SingleOrDefault(v => v.Version == body.FromVersion)
                  ?? throw ModuleRefusal.InvalidField("fromVersion", "Unknown version",
                      $"module {fromId} has no published version '{body.FromVersion}'; published: {string.Join(", ", source.Versions.Select(v => v.Version))}");
            if (version is null)
                throw ModuleRefusal.InvalidField("fromModuleId", "Nothing published", $"module {fromId} has no published version to start from");
            package = JsonNode.Parse(version.Content)!.AsObject();
            category = body.Category is null ? source.Category : ModuleLifecycle.Category(body.Category);
            (audit["from"], audit["fromVersion"]) = (source.Id, version.Version);
        }
        else
        {
            category = ModuleLifecycle.Category(body.Category);
            package = ModuleStarter.Package(key, name, category);
            audit["from"] = "blank";
        }
        await ModuleLifecycle.EnsureKeyFreeAsync(db, key, ct);
        var module = ModuleLifecycle.StartTemplate(db, package, key, name, category, owner, access.Actor, ModuleGuards.Now(http), audit);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/modules/{module.Id}", ModuleSummaryView.From(module, owner, null));
    });

    /// <summary>The template to start from; an unknown, invisible or derived module is named as the request field (422).</summary>
    private static async Task<ModuleRecord> SourceTemplateAsync(FormFlowDbContext db, ModuleAccess access, int id, CancellationToken ct)
    {
        var module = await ModuleLibrary.FindAsync(db, id, ct);
        var owner = module is null ? null : await db.OrgUnits.SingleAsync(o => o.Id == module.OwnerOrgUnitId, ct);
        if (module is null || !access.CanRead(module, owner!))
            throw ModuleRefusal.InvalidField("fromModuleId", "Unknown module", $"module {id} does not exist or is not visible to you");
        if (module.Kind != ModuleKinds.Template)
            throw ModuleRefusal.InvalidField("fromModuleId", "Not a template",
                $"module {id} is derived: start from a template, or duplicate the derived module to keep its parent");
        return module;
    }

    private static Task<IResult> DuplicateAsync(int id, DuplicateModuleRequest body, FormFlowDbContext db, HttpContext http, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        var access = await ModuleGuards.AccessAsync(db, http, ct);
        var (source, _) = await ModuleGuards.ReadableAsync(db, access, id, ct);
        var name = ModuleLifecycle.Name(body.Name);
        ModuleRecord module;
        if (source.Kind == ModuleKinds.Derived)
        {
            if (body.ModuleKey is { } given && given != source.Key)
                throw ModuleRefusal.InvalidField("moduleKey", "Module key is the parent's",
                    $"a derived module's copy keeps its parent's module key '{source.Key}'; leave moduleKey out or give '{source.Key}'");
            var org = await ModuleLifecycle.TargetOrgAsync(db, body.OwnerOrgId, access.CanDeriveFor, "designer or admin", ct);
            module = await ModuleLifecycle.DuplicateDerivedAsync(db, source, org, name, access.Actor, ModuleGuards.Now(http), ct);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/modules/{module.Id}", await ModuleSummaries.SummaryAsync(db, module, org, ct));
        }
        var key = ModuleLifecycle.ModuleKey(body.ModuleKey);
        var owner = await ModuleLifecycle.TargetOrgAsync(db, body.OwnerOrgId, access.CanCreateTemplateAt, "designer", ct);
        await ModuleLifecycle.EnsureKeyFreeAsync(db, key, ct);
        module = ModuleLifecycle.StartTemplate(db, ModuleLibrary.Draft(source), key, name, source.Category, owner, access.Actor, ModuleGuards.Now(http),
            new JsonObject { ["duplicateOf"] = source.Id });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/modules/{module.Id}", ModuleSummaryView.From(module, owner, null));
    });

    private static Task<IResult> ArchiveAsync(int id, FormFlowDbContext db, HttpContext http, CancellationToken ct) =>
        Archiving(id, db, http, archive: true, ct);

    private static Task<IResult> UnarchiveAsync(int id, FormFlowDbContext db, HttpContext http, CancellationToken ct) =>
        Archiving(id, db, http, archive: false, ct);

    private static Task<IResult> Archiving(int id, FormFlowDbContext db, HttpContext http, bool archive, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        var access = await ModuleGuards.AccessAsync(db, http, ct);
        var (module, owner) = await ModuleGuards.ReadableAsync(db, access, id, ct);
        if (!access.CanArchive(module, owner))
            throw ModuleRefusal.Forbidden($"only an admin at {owner.Name} or above, or the module's editor, archives module '{module.Key}' of {owner.Name}");
        if (archive) ModuleLifecycle.Archive(db, module, access.Actor, ModuleGuards.Now(http));
        else ModuleLifecycle.Unarchive(db, module, access.Actor);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ModuleSummaries.SummaryAsync(db, module, owner, ct));
    });
}
