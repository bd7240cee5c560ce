using System.Text.Json.Nodes;
using FormFlow.Engine.Modules;
using FormFlow.Persistence;
using FormFlow.Persistence.Cases;
using FormFlow.Persistence.Modules;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Snapshots;

namespace FormFlow.Server.Modules;

/// <summary>Reading the library: the modules I may see, one with its versions, a published version's document, the draft resolved.</summary>
internal static class ModuleReadEndpoints
{
    internal static RouteGroupBuilder MapModuleReading(this RouteGroupBuilder modules)
    {
        modules.MapGet("/", ListAsync).Produces<List<ModuleSummaryView>>()
            .WithSummary("Modules visible to me: templates and derived modules owned in my subtrees, and the templates above me that I can derive; archived ones only with ?archived=true.");
        modules.MapGet("/{id:int}", GetAsync).Produces<ModuleDetailView>().ProducesProblem(404)
            .WithSummary("A module with its published versions (hash, when, by whom, running cases).");
        modules.MapGet("/{id:int}/versions/{version}", GetVersionAsync).ProducesProblem(404)
            .WithSummary("The module document of a published version, for a diff against the draft: a template's published package (the /draft shape), a derived module's resolved module (the /preview module shape).");
        modules.MapGet("/{id:int}/preview", PreviewAsync).ProducesProblem(404)
            .WithSummary("The draft resolved: {hash, module, provenance, soundness: []}; when it does not resolve, hash and module are null and soundness lists why.");
        return modules;
    }

    /// <param name="archived">true: archived modules are listed too (marked), for bringing one back.</param>
    private static Task<IResult> ListAsync(FormFlowDbContext db, HttpContext http, CancellationToken ct, bool archived = false) => ModuleGuards.Guard(async () =>
    {
        var access = await ModuleGuards.AccessAsync(db, http, ct);
        var visible = (await access.VisibleAsync(db, ct)).Where(v => archived || v.Module.ArchivedAt is null).ToList();
        var parentIds = visible.Select(v => v.Module.ParentModuleId).OfType<int>().Distinct().ToList();
        var parentLatest = await ModuleSummaries.LatestHashesAsync(db, parentIds, ct);
        return TypedResults.Ok(visible.Select(v => ModuleSummaryView.From(v.Module, v.Owner,
            v.Module.ParentModuleId is { } p ? parentLatest.GetValueOrDefault(p) : null)).ToList());
    });

    private static Task<IResult> GetAsync(int id, FormFlowDbContext db, HttpContext http, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        var access = await ModuleGuards.AccessAsync(db, http, ct);
        var (module, owner) = await ModuleGuards.ReadableAsync(db, access, id, ct);
        var hashes = module.Versions.Select(v => v.SnapshotHash).ToList();
        var subtree = db.OrgUnits.Within(owner.Path).Select(o => o.Id);
        var running = await db.Cases.AsNoTracking()
            .Where(c => c.ModuleKey == module.Key && hashes.Contains(c.SnapshotHash) && subtree.Contains(c.OrgUnitId)
                        && (c.Status == CaseStatuses.Running || c.Status == CaseStatuses.WaitingForApplicant))
            .GroupBy(c => c.SnapshotHash).Select(g => new { Hash = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Hash, x => x.Count, ct);
        var versions = module.Versions.OrderBy(v => v.Id)
            .Select(v => new ModuleVersionView(v.Version, v.SnapshotHash, v.PublishedAt, v.PublishedBy, running.GetValueOrDefault(v.SnapshotHash))).ToList();
        return TypedResults.Ok(new ModuleDetailView(await ModuleSummaries.SummaryAsync(db, module, owner, ct), versions));
    });

    private static Task<IResult> GetVersionAsync(int id, string version, FormFlowDbContext db, HttpContext http, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        var (module, _) = await ModuleGuards.ReadableAsync(db, await ModuleGuards.AccessAsync(db, http, ct), id, ct);
        var published = module.Versions.SingleOrDefault(v => v.Version == version)
            ?? throw new ModuleRefusal(StatusCodes.Status404NotFound, "Version not found", $"module {id} has no published version '{version}'");
        // A template published its package; a derived module published an overlay, whose document is the resolved module.
        if (module.Kind == ModuleKinds.Template) return TypedResults.Ok(JsonNode.Parse(published.Content));
        return TypedResults.Ok(await SnapshotCatalog.ReadDocumentAsync(db, published.SnapshotHash, ct));
    });

    private static Task<IResult> PreviewAsync(int id, FormFlowDbContext db, HttpContext http, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        var (module, owner) = await ModuleGuards.ReadableAsync(db, await ModuleGuards.AccessAsync(db, http, ct), id, ct);
        try
        {
            var snapshot = await ModuleLibrary.ResolveDraftAsync(db, module, owner, ct);
            return TypedResults.Ok(new JsonObject
            {
                ["hash"] = snapshot.Hash, ["module"] = snapshot.Module, ["provenance"] = snapshot.Provenance, ["soundness"] = new JsonArray(),
            });
        }
        catch (ModuleException ex)
        {
            var problems = System.Text.Json.JsonSerializer.SerializeToNode(ex.Problems, JsonDefaults)!;
            return TypedResults.Ok(new JsonObject { ["hash"] = null, ["module"] = null, ["provenance"] = null, ["soundness"] = problems });
        }
    });

    private static readonly System.Text.Json.JsonSerializerOptions JsonDefaults = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
