using System.Text.Json.Nodes;
using FormFlow.Engine.Modules;
using FormFlow.Engine.Modules.Migration;
using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Persistence;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Cases;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Cases;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Snapshots;

namespace FormFlow.Server.Modules;

/// <summary>
/// Moving running cases of a module between two of its published versions: a dry run lists each case that can
/// move and why the others cannot (the engine's <see cref="CaseMigration"/>); apply moves the movable ones, each
/// with a timeline line and an audit entry, and leaves the rest on their snapshot.
/// </summary>
internal static class ModuleMigrations
{
    public sealed record MigrationRequest(string FromVersion, string ToVersion, JsonObject? Plan = null);

    internal static void MapMigrations(this RouteGroupBuilder modules)
    {
        modules.MapPost("/{id:int}/migrations/dry-run", (int id, MigrationRequest body, FormFlowDbContext db, HttpContext http, CancellationToken ct) => RunAsync(id, body, false, db, http, ct))
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(422)
            .WithSummary("Which running cases on fromVersion could move to toVersion with the plan ({steps: {old: new}, defaults: {key: value}, grandfathered: [key]}): {movable: [...], blocked: [{caseId, reasons}]}. Changes nothing.");
        modules.MapPost("/{id:int}/migrations/apply", (int id, MigrationRequest body, FormFlowDbContext db, HttpContext http, CancellationToken ct) => RunAsync(id, body, true, db, http, ct))
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(422)
            .WithSummary("Move the movable cases (as the dry run lists them) to toVersion; the blocked ones stay on their snapshot. {moved: [...], blocked: [...]}.");
    }

    private static Task<IResult> RunAsync(int id, MigrationRequest body, bool apply, FormFlowDbContext db, HttpContext http, CancellationToken ct) => ModuleGuards.Guard(async () =>
    {
        var access = await ModuleGuards.AccessAsync(db, http, ct);
        var (module, owner) = await ModuleGuards.EditableAsync(db, access, id, ct);
        var from = Version(module, body.FromVersion, "fromVersion");
        var to = Version(module, body.ToVersion, "toVersion");
        var (oldModule, newModule) = (await SnapshotCatalog.ReadDocumentAsync(db, from.SnapshotHash, ct), await SnapshotCatalog.ReadDocumentAsync(db, to.SnapshotHash, ct));
        MigrationPlan plan;
        try
        {
            plan = MigrationPlan.FromJson(body.Plan);
        }
        catch (FormatException ex)
        {
            throw ModuleRefusal.Invalid("The plan is not valid", "plan" + ex.Message);
        }
        if (plan.Check(oldModule, newModule) is { Count: > 0 } problems) throw new ModuleException(problems.Select(p => p with { Path = "/plan" + p.Path }).ToList());

        var now = ModuleGuards.Now(http);
        var subtree = db.OrgUnits.Within(owner.Path).Select(o => o.Id);
        var cases = await db.Cases.Where(c => c.ModuleKey == module.Key && c.SnapshotHash == from.SnapshotHash && subtree.Contains(c.OrgUnitId)
                                               && (c.Status == CaseStatuses.Running || c.Status == CaseStatuses.WaitingForApplicant))
            .OrderBy(c => c.Id).ToListAsync(ct);
        var movable = new JsonArray();
        var blocked = new JsonArray();
        foreach (var row in cases)
        {
            var instance = WorkflowInstance.FromJson(row.Instance);
            var data = JsonNode.Parse(row.Data)!.AsObject();
            var reasons = CaseMigration.Check(oldModule, newModule, instance, data, plan);
            if (reasons.Count > 0)
            {
                blocked.Add(new JsonObject
                {
                    ["caseId"] = row.Id, ["number"] = row.Number, ["currentStep"] = row.CurrentStep,
                    ["reasons"] = new JsonArray(reasons.Select(r => (JsonNode)new JsonObject
                    {
                        ["kind"] = r.Kind, ["message"] = r.Message, ["activityId"] = r.Activity, ["field"] = r.Field,
                    }).ToArray()),
                });
                continue;
            }
            movable.Add(new JsonObject { ["caseId"] = row.Id, ["number"] = row.Number, ["currentStep"] = row.CurrentStep });
            if (apply) await MoveAsync(db, row, instance, data, oldModule, newModule, plan, to.SnapshotHash, access.Actor, now, ct);
        }
        if (apply)
        {
            AuditLog.Append(db, access.Actor, "module.casesMigrated", $"module:{module.Id}", module.OwnerOrgUnitId, new JsonObject
            {
                ["from"] = from.Version, ["to"] = to.Version, ["moved"] = movable.Count, ["blocked"] = blocked.Count,
            });
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(new JsonObject { ["moved"] = movable, ["blocked"] = blocked });
        }
        return TypedResults.Ok(new JsonObject { ["movable"] = movable, ["blocked"] = blocked });
    });

    private static async Task MoveAsync(FormFlowDbContext db, Case row, WorkflowInstance instance, JsonObject data, JsonObject oldModule, JsonObject newModule,
        MigrationPlan plan, string toHash, string actor, DateTime now, CancellationToken ct)
    {
        var (moved, _) = CaseMigration.Apply(oldModule, newModule, instance, data, plan, new DateTimeOffset(now, TimeSpan.Zero), actor);
        row.SnapshotHash = toHash;
        await CaseSync.ApplyAsync(db, row, instance, moved, actor, now, ct);
        // Open tasks keep their bookmark; the step they belong to may have a new ID.
        foreach (var task in await db.CaseTasks.Where(t => t.CaseId == row.Id && t.CompletedAt == null).ToListAsync(ct))
            if (moved.Bookmarks.FirstOrDefault(b => b.Id == task.BookmarkId) is { } bookmark && bookmark.ActivityId != task.ActivityId)
            {
                task.ActivityId = bookmark.ActivityId;
                task.Outcomes = (bookmark.Payload["outcomes"]?.DeepClone() ?? new JsonArray()).ToJsonString();
                task.Version++;
            }
        AuditLog.Append(db, actor, "case.migrated", $"case:{row.Id}", row.OrgUnitId, new JsonObject { ["to"] = toHash });
    }

    private static Persistence.Modules.ModuleVersion Version(Persistence.Modules.ModuleRecord module, string version, string name) =>
        module.Versions.SingleOrDefault(v => v.Version == version)
        ?? throw ModuleRefusal.Invalid("Unknown version", $"{name}: module {module.Id} has no published version '{version}'; published: {string.Join(", ", module.Versions.Select(v => v.Version))}");
}
