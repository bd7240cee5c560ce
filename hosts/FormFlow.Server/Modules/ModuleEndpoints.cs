using System.Text.Json.Nodes;
using FormFlow.Engine.Templates;
using FormFlow.Engine.Templates.Resolution;
using FormFlow.Persistence;
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
public static class ModuleEndpoints
{
    public static void MapModuleEndpoints(this IEndpointRouteBuilder app)
    {
        var modules = app.MapGroup("/api/modules").WithTags("Modules").RequireAuthorization().ProducesProblem(401).ProducesProblem(403);
        modules.MapGet("/", ListAsync).Produces<List<ModuleSummaryView>>()
            .WithSummary("Modules visible to me: templates and derived modules owned in my subtrees, and the templates above me that I can derive; archived ones only with ?archived=true.");
        modules.MapGet("/{id:int}", GetAsync).Produces<ModuleDetailView>().ProducesProblem(404)
            .WithSummary("A module with its published versions (hash, when, by whom, running cases).");
        modules.MapPost("/{id:int}/derive", DeriveAsync).Produces<ModuleSummaryView>(201).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Derive the module for a lower org unit: a new module with an empty overlay on the latest published version.");
        modules.MapGet("/{id:int}/overlay", GetOverlayAsync).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("A derived module's draft overlay: {operations, basedOn: {moduleId, version, hash}, log}; the ETag names the draft's revision.");
        modules.MapPut("/{id:int}/overlay", PutOverlayAsync).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Replace the overlay's operations; If-Match (the GET's ETag) makes it 409 {savedBy, savedAt, revision} when someone saved in between; 422 with errors [{element, property, lockedBy: {orgUnitId, orgName, level}, reason}] when a lock or the result refuses them.");
        modules.MapGet("/{id:int}/draft", GetDraftAsync).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("A template's draft package: the manifest with its forms, workflow and translations inline; the ETag names the draft's revision.");
        modules.MapPut("/{id:int}/draft", PutDraftAsync).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Replace a template's draft package; If-Match (the GET's ETag) makes it 409 {savedBy, savedAt, revision} when someone saved in between; 422 naming every problem (format, forms, workflow, locks, soundness).");
        modules.MapGet("/{id:int}/versions/{version}", GetVersionAsync).ProducesProblem(404)
            .WithSummary("The module document of a published version, for a diff against the draft: a template's published package (the /draft shape), a derived module's resolved module (the /preview module shape).");
        modules.MapGet("/{id:int}/preview", PreviewAsync).ProducesProblem(404)
            .WithSummary("The draft resolved: {hash, module, provenance, soundness: []}; when it does not resolve, hash and module are null and soundness lists why.");
        modules.MapPost("/{id:int}/upgrade", UpgradeAsync).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Rebase the overlay onto the parent's latest version: {from, to, overlay, conflicts: [{id, kind, path, base, parent, child, lockedBy?, blocking}]}. Without conflicts the rebased overlay is the draft at once.");
        modules.MapGet("/{id:int}/upgrade", GetUpgradeAsync).ProducesProblem(404)
            .WithSummary("The upgrade still waiting for decisions (same shape as POST), or 404 when none is open.");
        modules.MapPost("/{id:int}/upgrade/resolve", ResolveAsync).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Settle one conflict: keepMine, takeParent or edit (with value). Logged; the last one makes the rebased overlay the draft.");
        modules.MapPost("/{id:int}/publish", PublishAsync).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Publish the draft as an immutable version: 201 {version, hash, upgraded, waiting, cascade}; the derived modules below follow level by level " +
                         "(upgraded: [{moduleId, orgName, from, to, version, servicesMoved}]) unless they wait ([{moduleId, orgName, to, reason, conflicts}]: " +
                         "automatic upgrades off, a draft in progress, blocking conflicts); cascade: done, or retrying when the upgrades failed and are retried in the background. 409 while blocking conflicts remain or nothing changed, 422 when unsound.");
        modules.MapPut("/{id:int}/settings", SettingsAsync).Produces<ModuleSummaryView>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("A derived module's settings: {autoUpgrade} — whether it follows its parent's new versions on its own (default on).");
        modules.MapPost("/{id:int}/activate", ActivateAsync).Produces<ActivationView>(201).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422)
            .WithSummary("Offer a published version (default: the latest) as a service to an org unit's subtree; new cases take it, running cases keep theirs.");
        modules.MapModuleLifecycle();
        modules.MapTestRun();
        modules.MapMigrations();
        app.MapStudioTools();
    }

    /// <summary>Runs a handler body, turning refusals and engine problems into ProblemDetails.</summary>
    internal static async Task<IResult> Guard(Func<Task<IResult>> body)
    {
        try
        {
            return await body();
        }
        catch (ModuleRefusal refusal)
        {
            return ModuleProblems.From(refusal);
        }
        catch (TemplateException ex)
        {
            return ModuleProblems.From(ex, "The module is not valid");
        }
    }

    /// <summary>The signed-in staff account's access, or a 401/403 refusal.</summary>
    internal static async Task<ModuleAccess> AccessAsync(FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        var account = await CurrentAccount.LoadAsync(db, http.User, ct)
            ?? throw new ModuleRefusal(StatusCodes.Status401Unauthorized, "Not signed in", "the signed-in account no longer exists");
        var access = ModuleAccess.For(account);
        if (!access.IsStaff) throw ModuleRefusal.Forbidden("the module library is for union staff (designers, admins and other staff roles)");
        return access;
    }

    /// <summary>A module the account may read, with its owner; 404 otherwise.</summary>
    internal static async Task<(ModuleRecord Module, OrgUnit Owner)> ReadableAsync(FormFlowDbContext db, ModuleAccess access, int id, CancellationToken ct)
    {
        var module = await ModuleLibrary.FindAsync(db, id, ct) ?? throw ModuleRefusal.NotFound(id);
        var owner = await db.OrgUnits.SingleAsync(o => o.Id == module.OwnerOrgUnitId, ct);
        if (!access.CanRead(module, owner)) throw ModuleRefusal.NotFound(id);
        return (module, owner);
    }

    internal static async Task<(ModuleRecord Module, OrgUnit Owner)> EditableAsync(FormFlowDbContext db, ModuleAccess access, int id, CancellationToken ct)
    {
        var (module, owner) = await ReadableAsync(db, access, id, ct);
        if (!access.CanEdit(module, owner))
            throw ModuleRefusal.Forbidden(module.Kind == ModuleKinds.Template
                ? $"only a designer at {owner.Name} or above edits its template '{module.Key}'"
                : $"only an admin or designer at {owner.Name} or above edits its module '{module.Key}'");
        return (module, owner);
    }

    internal static DateTime Now(HttpContext http) => http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    /// <param name="archived">true: archived modules are listed too (marked), for bringing one back.</param>
    private static Task<IResult> ListAsync(FormFlowDbContext db, HttpContext http, CancellationToken ct, bool archived = false) => Guard(async () =>
    {
        var access = await AccessAsync(db, http, ct);
        var visible = (await access.VisibleAsync(db, ct)).Where(v => archived || v.Module.ArchivedAt is null).ToList();
        var parentIds = visible.Select(v => v.Module.ParentModuleId).OfType<int>().Distinct().ToList();
        var parentLatest = await LatestHashesAsync(db, parentIds, ct);
        return TypedResults.Ok(visible.Select(v => ModuleSummaryView.From(v.Module, v.Owner,
            v.Module.ParentModuleId is { } p ? parentLatest.GetValueOrDefault(p) : null)).ToList());
    });

    private static async Task<Dictionary<int, string>> LatestHashesAsync(FormFlowDbContext db, List<int> moduleIds, CancellationToken ct) =>
        (await db.ModuleVersions.AsNoTracking().Where(v => moduleIds.Contains(v.ModuleRecordId)).ToListAsync(ct))
            .GroupBy(v => v.ModuleRecordId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Id)!.SnapshotHash);

    internal static async Task<ModuleSummaryView> SummaryAsync(FormFlowDbContext db, ModuleRecord module, OrgUnit owner, CancellationToken ct)
    {
        var parentLatest = module.ParentModuleId is { } p ? (await LatestHashesAsync(db, [p], ct)).GetValueOrDefault(p) : null;
        return ModuleSummaryView.From(module, owner, parentLatest);
    }

    private static Task<IResult> GetAsync(int id, FormFlowDbContext db, HttpContext http, CancellationToken ct) => Guard(async () =>
    {
        var access = await AccessAsync(db, http, ct);
        var (module, owner) = await ReadableAsync(db, access, id, ct);
        var hashes = module.Versions.Select(v => v.SnapshotHash).ToList();
        var subtree = db.OrgUnits.Within(owner.Path).Select(o => o.Id);
        var running = await db.Cases.AsNoTracking()
            .Where(c => c.ModuleId == module.Key && hashes.Contains(c.SnapshotHash) && subtree.Contains(c.OrgUnitId)
                        && (c.Status == CaseStatuses.Running || c.Status == CaseStatuses.WaitingForApplicant))
            .GroupBy(c => c.SnapshotHash).Select(g => new { Hash = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Hash, x => x.Count, ct);
        var versions = module.Versions.OrderBy(v => v.Id)
            .Select(v => new ModuleVersionView(v.Version, v.SnapshotHash, v.PublishedAt, v.PublishedBy, running.GetValueOrDefault(v.SnapshotHash))).ToList();
        return TypedResults.Ok(new ModuleDetailView(await SummaryAsync(db, module, owner, ct), versions));
    });

    private static Task<IResult> DeriveAsync(int id, DeriveRequest body, FormFlowDbContext db, HttpContext http, CancellationToken ct) => Guard(async () =>
    {
        var access = await AccessAsync(db, http, ct);
        var (parent, parentOwner) = await ReadableAsync(db, access, id, ct);
        var org = await db.OrgUnits.SingleOrDefaultAsync(o => o.Id == body.OrgUnitId, ct)
            ?? throw ModuleRefusal.Invalid("Unknown org unit", $"orgUnitId {body.OrgUnitId} does not exist");
        if (!access.CanDeriveFor(org)) throw ModuleRefusal.Forbidden($"deriving for {org.Name} takes a designer or admin role at {org.Name} or above");
        var module = await ModuleLibrary.DeriveAsync(db, parent, parentOwner, org, access.Actor, Now(http), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/modules/{module.Id}", ModuleSummaryView.From(module, org, ModuleLibrary.Latest(parent)?.SnapshotHash));
    });

    private static Task<IResult> GetOverlayAsync(int id, FormFlowDbContext db, HttpContext http, CancellationToken ct) => Guard(async () =>
    {
        var (module, _) = await ReadableAsync(db, await AccessAsync(db, http, ct), id, ct);
        var view = OverlayView(module);
        DraftRevisions.Tag(http, module);
        return TypedResults.Ok(view);
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

    private static Task<IResult> PutOverlayAsync(int id, OverlayRequest body, FormFlowDbContext db, HttpContext http, CancellationToken ct) => Guard(async () =>
    {
        var access = await AccessAsync(db, http, ct);
        var (module, owner) = await EditableAsync(db, access, id, ct);
        if (module.Kind != ModuleKinds.Derived)
            throw ModuleRefusal.Conflict("Not a derived module", $"module {module.Id} is a template: edit its package through /draft");
        DraftRevisions.CheckIfMatch(http, module);
        var loaded = module.DraftRevision;
        try
        {
            await ModuleLibrary.SetOverlayAsync(db, module, owner, body.Operations, access.Actor, Now(http), ct);
        }
        catch (TemplateException ex)
        {
            return ModuleProblems.From(ex, ex.Problems.Any(p => p.LockedBy is not null) ? "The overlay breaks a lock" : "The overlay is not valid");
        }
        await DraftRevisions.SaveAsync(db, module, loaded, ct);
        DraftRevisions.Tag(http, module);
        return TypedResults.Ok(OverlayView(module));
    });

    private static Task<IResult> GetDraftAsync(int id, FormFlowDbContext db, HttpContext http, CancellationToken ct) => Guard(async () =>
    {
        var (module, _) = await ReadableAsync(db, await AccessAsync(db, http, ct), id, ct);
        if (module.Kind != ModuleKinds.Template)
            throw ModuleRefusal.Conflict("Not a template", $"module {module.Id} is derived: its draft is the overlay (/overlay)");
        DraftRevisions.Tag(http, module);
        return TypedResults.Ok(ModuleLibrary.Draft(module));
    });

    private static Task<IResult> GetVersionAsync(int id, string version, FormFlowDbContext db, HttpContext http, CancellationToken ct) => Guard(async () =>
    {
        var (module, _) = await ReadableAsync(db, await AccessAsync(db, http, ct), id, ct);
        var published = module.Versions.SingleOrDefault(v => v.Version == version)
            ?? throw new ModuleRefusal(StatusCodes.Status404NotFound, "Version not found", $"module {id} has no published version '{version}'");
        // A template published its package; a derived module published an overlay, whose document is the resolved module.
        if (module.Kind == ModuleKinds.Template) return TypedResults.Ok(JsonNode.Parse(published.Content));
        var snapshot = await db.ModuleSnapshots.AsNoTracking().SingleAsync(s => s.Hash == published.SnapshotHash, ct);
        return TypedResults.Ok(JsonNode.Parse(snapshot.Content));
    });

    private static Task<IResult> PutDraftAsync(int id, JsonNode? body, FormFlowDbContext db, HttpContext http, CancellationToken ct) => Guard(async () =>
    {
        var access = await AccessAsync(db, http, ct);
        var (module, owner) = await EditableAsync(db, access, id, ct);
        if (module.Kind != ModuleKinds.Template)
            throw ModuleRefusal.Conflict("Not a template", $"module {module.Id} is derived: edit its overlay (/overlay)");
        DraftRevisions.CheckIfMatch(http, module);
        var loaded = module.DraftRevision;
        ModuleLibrary.SetPackage(db, module, owner, body, access.Actor, Now(http));
        await DraftRevisions.SaveAsync(db, module, loaded, ct);
        DraftRevisions.Tag(http, module);
        return TypedResults.Ok(ModuleLibrary.Draft(module));
    });

    private static Task<IResult> PreviewAsync(int id, FormFlowDbContext db, HttpContext http, CancellationToken ct) => Guard(async () =>
    {
        var (module, owner) = await ReadableAsync(db, await AccessAsync(db, http, ct), id, ct);
        try
        {
            var snapshot = await ModuleLibrary.ResolveDraftAsync(db, module, owner, ct);
            return TypedResults.Ok(new JsonObject
            {
                ["hash"] = snapshot.Hash, ["module"] = snapshot.Module, ["provenance"] = snapshot.Provenance, ["soundness"] = new JsonArray(),
            });
        }
        catch (TemplateException ex)
        {
            var problems = System.Text.Json.JsonSerializer.SerializeToNode(ex.Problems, JsonDefaults)!;
            return TypedResults.Ok(new JsonObject { ["hash"] = null, ["module"] = null, ["provenance"] = null, ["soundness"] = problems });
        }
    });

    private static readonly System.Text.Json.JsonSerializerOptions JsonDefaults = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

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

    private static Task<IResult> UpgradeAsync(int id, FormFlowDbContext db, HttpContext http, CancellationToken ct) => Guard(async () =>
    {
        var access = await AccessAsync(db, http, ct);
        var (module, _) = await EditableAsync(db, access, id, ct);
        var state = await ModuleLibrary.StartUpgradeAsync(db, module, access.Actor, Now(http), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UpgradeView(state));
    });

    private static Task<IResult> GetUpgradeAsync(int id, FormFlowDbContext db, HttpContext http, CancellationToken ct) => Guard(async () =>
    {
        var (module, _) = await ReadableAsync(db, await AccessAsync(db, http, ct), id, ct);
        var state = await ModuleLibrary.OpenUpgradeAsync(db, module, ct)
            ?? throw new ModuleRefusal(StatusCodes.Status404NotFound, "No open upgrade", $"module {id} has no upgrade waiting for decisions");
        return TypedResults.Ok(UpgradeView(state));
    });

    private static Task<IResult> ResolveAsync(int id, ResolveConflictRequest body, FormFlowDbContext db, HttpContext http, CancellationToken ct) => Guard(async () =>
    {
        var access = await AccessAsync(db, http, ct);
        var (module, _) = await EditableAsync(db, access, id, ct);
        var choice = ModuleLibrary.Choice(body.Choice);
        var state = await ModuleLibrary.OpenUpgradeAsync(db, module, ct)
            ?? throw ModuleRefusal.Conflict("No open upgrade", $"module {id} has no upgrade waiting for decisions: start one with POST /api/modules/{id}/upgrade");
        try
        {
            state = ModuleLibrary.Resolve(db, module, state, body.ConflictId, choice, body.Value, access.Actor, Now(http));
        }
        catch (TemplateException ex)
        {
            return ModuleProblems.From(ex, "The choice is refused");
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UpgradeView(state));
    });

    private static Task<IResult> PublishAsync(int id, FormFlowDbContext db, HttpContext http, CascadeRunner cascades, CancellationToken ct) => Guard(async () =>
    {
        var access = await AccessAsync(db, http, ct);
        var (module, owner) = await EditableAsync(db, access, id, ct);
        var claimant = cascades.NewClaimant();
        ModuleVersion version;
        ModuleCascade cascade;
        try
        {
            (version, cascade) = await cascades.PublishAsync(db, module, owner, access.Actor, claimant, ct);
        }
        catch (TemplateException ex)
        {
            return ModuleProblems.From(ex, "The module is unsound");
        }
        // The version is committed with its cascade pending: if this run fails (or the process dies), the cascade is retried in the background.
        var report = await cascades.RunAsync(db, cascade.Id, claimant, resumed: false, ct);
        var answer = UpgradeCascade.ToJson(report ?? new([], []));
        answer["cascade"] = report is null ? "retrying" : "done";
        answer.Insert(0, "version", version.Version);
        answer.Insert(1, "hash", version.SnapshotHash);
        return TypedResults.Created($"/api/modules/{id}", answer);
    });

    private static Task<IResult> SettingsAsync(int id, ModuleSettingsRequest body, FormFlowDbContext db, HttpContext http, CancellationToken ct) => Guard(async () =>
    {
        var access = await AccessAsync(db, http, ct);
        var (module, owner) = await EditableAsync(db, access, id, ct);
        if (module.Kind != ModuleKinds.Derived)
            throw ModuleRefusal.Conflict("Not a derived module", $"module {module.Id} is a template: it has no parent whose versions it could follow");
        if (module.AutoUpgrade != body.AutoUpgrade)
        {
            module.AutoUpgrade = body.AutoUpgrade;
            AuditLog.Append(db, access.Actor, "module.settingsChanged", $"module:{module.Id}", new JsonObject { ["autoUpgrade"] = body.AutoUpgrade });
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(await SummaryAsync(db, module, owner, ct));
    });

    private static Task<IResult> ActivateAsync(int id, ActivateRequest body, FormFlowDbContext db, HttpContext http, CancellationToken ct) => Guard(async () =>
    {
        var access = await AccessAsync(db, http, ct);
        var (module, owner) = await EditableAsync(db, access, id, ct);
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
        var activation = await Activate(db, module, version, target, access.Actor, Now(http), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/services/{activation.Id}",
            new ActivationView(activation.Id, module.Key, target.Id, target.Name, version.SnapshotHash, version.Version));
    });

    /// <summary>Retires the live activation of the module's key at the org (running cases keep their snapshot) and adds the new one.</summary>
    public static async Task<ServiceActivation> Activate(FormFlowDbContext db, ModuleRecord module, ModuleVersion version, OrgUnit target, string by, DateTime now, CancellationToken ct)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.BeginWriteTransactionAsync(ct) : null;
        foreach (var live in await db.ServiceActivations.Where(a => a.OrgUnitId == target.Id && a.ModuleId == module.Key && a.RetiredAt == null).ToListAsync(ct))
            live.RetiredAt = now;
        // the retirement must reach the database before the new row, or the one-live-activation index refuses it
        await db.SaveChangesAsync(ct);
        var activation = new ServiceActivation
        {
            ModuleId = module.Key, OrgUnitId = target.Id, SnapshotHash = version.SnapshotHash, ActivatedAt = now, ActivatedBy = by,
        };
        db.ServiceActivations.Add(activation);
        AuditLog.Append(db, by, "service.activated", $"org:{target.Id}", new JsonObject
        {
            ["module"] = module.Key, ["moduleRecord"] = module.Id, ["version"] = version.Version, ["snapshot"] = version.SnapshotHash,
        });
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return activation;
    }
}
