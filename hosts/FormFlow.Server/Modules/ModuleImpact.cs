using System.Text.Json.Nodes;
using FormFlow.Engine.Modules;
using FormFlow.Engine.Modules.Rebase;
using FormFlow.Persistence;
using FormFlow.Persistence.Modules;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Snapshots;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Modules;

/// <summary>
/// The fate of every module derived from this one (districts, streets, grassroots unions, transitively) if its draft
/// were published now, written nowhere. It walks the modules below in the order <see cref="UpgradeCascade"/> does and
/// applies the same rules (<see cref="UpgradeCascade.WhyNotAutomaticAsync"/>, the same rebase, the same draft and
/// resolution a publish makes), with the not yet published versions kept in memory: a child that would upgrade is
/// <c>clean</c> (with the version and snapshot hash it would publish) and its own children are judged against that;
/// one that would wait is <c>conflicts</c> or <c>brokenByLock</c> (a new lock breaks one of its operations) or
/// <c>waits</c> (automatic upgrades off, a draft in progress, an open upgrade, an unsound result), and the modules
/// below it <c>waitForParent</c>; a child already on the candidate is <c>upToDate</c>. Every entry carries the
/// rebase's conflicts, also for a child that waits anyway, so that its org sees what its manual upgrade will meet.
/// </summary>
internal static class ModuleImpact
{
    /// <summary>A parent version as the dry run sees it: the resolved module, its hash and name; stored or only foreseen.</summary>
    private sealed record ParentVersion(JsonObject Module, string Hash, string Version);

    /// <summary>A module whose children are to be judged: against its foreseen version, its latest stored one (null), or blocked above.</summary>
    private sealed record Visit(int ModuleId, ParentVersion? Foreseen, string? BlockedAt);

    public static async Task<JsonObject> RunAsync(FormFlowDbContext db, ModuleRecord module, OrgUnit owner, string by, DateTime now, CancellationToken ct)
    {
        var candidate = await ModuleLibrary.CandidateAsync(db, module, owner, ct);
        var actor = $"{UpgradeCascade.Actor} ({by})";
        var entries = new JsonArray();
        var visits = new Queue<Visit>([new Visit(module.Id, new ParentVersion(candidate.Snapshot.Module, candidate.Snapshot.Hash, candidate.Version), null)]);
        while (visits.TryDequeue(out var visit))
        {
            var children = await db.Modules.AsNoTracking().Where(m => m.ParentModuleId == visit.ModuleId).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
            foreach (var childId in children)
            {
                var child = (await ModuleLibrary.FindAsync(db, childId, ct))!;
                var childOwner = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == child.OwnerOrgUnitId, ct);
                var (entry, next) = visit.BlockedAt is { } blocked
                    ? (Entry(child, childOwner, "waitsForParent", $"waits until {blocked} upgrades"), new Visit(childId, null, blocked))
                    : await JudgeAsync(db, child, childOwner, visit, actor, now, ct);
                entries.Add(entry);
                if (next is not null) visits.Enqueue(next);
            }
        }
        return new JsonObject
        {
            ["module"] = module.Id, ["version"] = candidate.Version, ["hash"] = candidate.Snapshot.Hash, ["derived"] = entries,
        };
    }

    /// <summary>One child as the cascade would treat it, and what to do with its children.</summary>
    private static async Task<(JsonObject Entry, Visit? Next)> JudgeAsync(FormFlowDbContext db, ModuleRecord child, OrgUnit owner, Visit visit,
        string actor, DateTime now, CancellationToken ct)
    {
        var parent = (await ModuleLibrary.FindAsync(db, visit.ModuleId, ct))!;
        var to = visit.Foreseen ?? await StoredAsync(db, ModuleLibrary.Latest(parent)!, ct);
        var baseHash = (string)ModuleLibrary.Draft(child)["base"]!["hash"]!;
        if (to.Hash == baseHash) return (Entry(child, owner, "upToDate", null, to: to.Version), new Visit(child.Id, null, null));

        var fromRow = parent.Versions.Where(v => v.SnapshotHash == baseHash).OrderByDescending(v => v.Id).First();
        var from = await StoredAsync(db, fromRow, ct);
        var rebase = ModuleLibrary.Rebase(from.Module, Copy(to.Module), child.Draft);
        var reason = await UpgradeCascade.WhyNotAutomaticAsync(db, child, ct) ?? (rebase.Blocking ? UpgradeCascade.BlockedReason : null);
        var conflicts = new JsonArray(rebase.Conflicts.Select(c => (JsonNode?)ConflictView(c, rebase, from.Module, to.Module)).ToArray());
        string Status() =>
            rebase.Conflicts.Any(c => c.Kind == "lockedUpstream") ? "brokenByLock" : rebase.Blocking ? "conflicts" : "waits";
        if (reason is not null)
            return (Entry(child, owner, Status(), reason, from.Version, to.Version, conflicts), new Visit(child.Id, null, owner.Name));

        var draft = UpgradeCascade.UpgradedDraft(rebase.Overlay.DeepClone().AsObject(), from.Version, to.Version, actor, now);
        try
        {
            var snapshot = ModuleLibrary.ResolveOverlay(Copy(to.Module), draft, owner);
            var version = ModuleLibrary.NextDerivedVersion(child);
            var entry = Entry(child, owner, "clean", null, from.Version, to.Version, conflicts);
            entry["version"] = version;
            entry["hash"] = snapshot.Hash;
            return (entry, new Visit(child.Id, new ParentVersion(snapshot.Module, snapshot.Hash, version), null));
        }
        catch (ModuleException ex)
        {
            return (Entry(child, owner, "waits", UpgradeCascade.DoesNotPublish(ex), from.Version, to.Version, conflicts), new Visit(child.Id, null, owner.Name));
        }
    }

    /// <summary>A foreseen parent serves several children: each gets its own copy, as each reads the stored one afresh.</summary>
    private static JsonObject Copy(JsonObject module) => module.DeepClone().AsObject();

    private static async Task<ParentVersion> StoredAsync(FormFlowDbContext db, ModuleVersion version, CancellationToken ct) =>
        new(await SnapshotCatalog.ReadDocumentAsync(db, version.SnapshotHash, ct), version.SnapshotHash, version.Version);

    private static JsonObject Entry(ModuleRecord child, OrgUnit owner, string status, string? reason, string? from = null, string? to = null, JsonArray? conflicts = null) => new()
    {
        ["moduleId"] = child.Id, ["parentModuleId"] = child.ParentModuleId, ["org"] = ModuleOrgs.Ref(owner).ToJson(),
        ["status"] = status, ["reason"] = reason, ["from"] = from, ["to"] = to, ["conflicts"] = conflicts ?? [],
    };

    /// <summary>
    /// A conflict as the upgrade shows it (id, kind, path, the three values, the locking org), with the overlay
    /// operation it concerns and, for a lock, the lock itself (with its reason) as the new parent states it.
    /// </summary>
    private static JsonObject ConflictView(RebaseConflict conflict, RebaseResult rebase, JsonObject oldParent, JsonObject newParent)
    {
        var node = conflict.ToJson();
        node.Remove("operation");
        node.Insert(0, "id", ModuleLibrary.ConflictId(conflict));
        if (conflict.Operation is { } index && rebase.Overlay["operations"] is JsonArray operations && index < operations.Count)
            node["operation"] = operations[index]!.DeepClone();
        if (conflict.LockedBy is { } lockedBy && LockOf(conflict, lockedBy, oldParent, newParent) is { } lockNode)
            node["lock"] = lockNode.DeepClone();
        return node;
    }

    /// <summary>The locking org's lock behind a lockedUpstream conflict: preferably a new one on the element itself.</summary>
    private static JsonNode? LockOf(RebaseConflict conflict, OrgRef lockedBy, JsonObject oldParent, JsonObject newParent)
    {
        var element = conflict.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var old = oldParent["locks"] as JsonArray ?? [];
        var candidates = (newParent["locks"] as JsonArray ?? []).Where(l => (string?)l!["by"]?["id"] == lockedBy.Id).ToList();
        bool IsNew(JsonNode? l) => !old.Any(o => JsonNode.DeepEquals(o, l));
        return candidates.FirstOrDefault(l => (string?)l!["element"] == element && IsNew(l))
            ?? candidates.FirstOrDefault(l => (string?)l!["element"] == element)
            ?? candidates.FirstOrDefault(IsNew);
    }
}
