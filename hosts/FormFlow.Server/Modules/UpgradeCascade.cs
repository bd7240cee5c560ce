using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FormFlow.Engine.Modules;
using FormFlow.Engine.Modules.Rebase;
using FormFlow.Persistence;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Modules;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Shared;

namespace FormFlow.Server.Modules;

/// <summary>
/// What follows a publish: the modules derived from the published one upgrade on their own, level by level
/// (breadth first: every child, then every grandchild that did upgrade, ...). A child is upgraded when its
/// <see cref="ModuleRecord.AutoUpgrade"/> is on, its draft is what it last published, no upgrade of its waits for
/// decisions, and the rebase onto the new parent version has no blocking conflict and resolves. Then its overlay is
/// rebased, a version pinned to the new parent version is published, and the services that ran its previous version
/// move to the new one (new cases take it; running cases keep their snapshot, as with any activation). Everything
/// else waits, untouched, with the reason in the report and the audit log; the Studio's banner offers the manual
/// upgrade. Each child is saved on its own, its version and its services' move in one transaction: a child a
/// designer saved meanwhile waits instead.
/// A run is idempotent, so a cascade cut short (the process died; see <see cref="CascadeRunner"/>) is simply run
/// again: a child already on its parent's latest version is left as it is, but its own children are still visited
/// (the run that upgraded it may have ended before them), and a wait is audited once per module and parent version.
/// </summary>
internal static class UpgradeCascade
{
    public const string Actor = "automatic upgrade";

    public sealed record Upgraded(int ModuleId, string OrgName, int ParentModuleId, string From, string To, string Version, string Hash, List<int> ServicesMoved);

    /// <summary>A child that stays on its version; <see cref="To"/> is the parent's version it could take.</summary>
    public sealed record Waiting(int ModuleId, string OrgName, int ParentModuleId, string To, string Reason, List<string> Conflicts)
    {
        [JsonIgnore] public int ToVersionId { get; init; }
    }

    public sealed record Report(List<Upgraded> Upgraded, List<Waiting> Waiting);

    /// <summary>Runs the cascade below <paramref name="published"/>, whose new version is saved already.</summary>
    public static async Task<Report> RunAsync(FormFlowDbContext db, ModuleRecord published, string by, DateTime now, CancellationToken ct)
    {
        var report = new Report([], []);
        var parents = new Queue<int>([published.Id]);
        while (parents.TryDequeue(out var parentId))
        {
            var children = await db.Modules.AsNoTracking().Where(m => m.ParentModuleId == parentId).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
            foreach (var childId in children)
            {
                db.ChangeTracker.Clear();
                var child = (await ModuleLibrary.FindAsync(db, childId, ct))!;
                var owner = await db.OrgUnits.SingleAsync(o => o.Id == child.OwnerOrgUnitId, ct);
                var outcome = await UpgradeAsync(db, child, owner, by, now, ct);
                if (outcome is Waiting waiting)
                {
                    report.Waiting.Add(waiting);
                    await AuditWaitOnceAsync(db, by, waiting, ct);
                    continue;
                }
                if (outcome is Upgraded upgraded) report.Upgraded.Add(upgraded);
                // upgraded now, or by an earlier run of this cascade that may have ended before this child's children
                parents.Enqueue(childId);
            }
        }
        db.ChangeTracker.Clear();
        return report;
    }

    /// <summary>
    /// Audits the wait unless this module's wait for this parent version is recorded already; the mark and the entry
    /// commit together, and the mark's conditional update lets only one of two runs racing here write the entry.
    /// </summary>
    private static async Task AuditWaitOnceAsync(FormFlowDbContext db, string by, Waiting waiting, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var first = await db.Modules.Where(m => m.Id == waiting.ModuleId && (m.AutoUpgradeWaitAuditedFor == null || m.AutoUpgradeWaitAuditedFor != waiting.ToVersionId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.AutoUpgradeWaitAuditedFor, waiting.ToVersionId), ct) == 1;
        if (!first) return;
        AuditLog.Append(db, by, "module.autoUpgradeWaiting", $"module:{waiting.ModuleId}",
            await db.Modules.Where(m => m.Id == waiting.ModuleId).Select(m => (int?)m.OwnerOrgUnitId).SingleOrDefaultAsync(ct), new JsonObject
        {
            ["parentModule"] = waiting.ParentModuleId, ["to"] = waiting.To, ["reason"] = waiting.Reason,
            ["conflicts"] = new JsonArray(waiting.Conflicts.Select(c => (JsonNode?)c).ToArray()),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>One child: upgraded and saved, waiting (nothing changed), or null when it is on the parent's latest version already.</summary>
    private static async Task<object?> UpgradeAsync(FormFlowDbContext db, ModuleRecord child, OrgUnit owner, string by, DateTime now, CancellationToken ct)
    {
        if (await ModuleLibrary.UpgradeStepAsync(db, child, ct) is not var (from, to)) return null;
        Waiting Wait(string reason, List<string>? conflicts = null) =>
            new(child.Id, owner.Name, child.ParentModuleId!.Value, to.Version, reason, conflicts ?? []) { ToVersionId = to.Id };

        if (await WhyNotAutomaticAsync(db, child, ct) is { } reason) return Wait(reason);
        var rebase = await ModuleLibrary.RebaseAsync(db, from, to, child.Draft, ct);
        if (rebase.Blocking) return Wait(BlockedReason, BlockingConflicts(rebase));

        var previous = ModuleLibrary.Latest(child)!; // the draft is what it last published (checked above)
        var loaded = child.DraftRevision;
        var actor = $"{Actor} ({by})";
        ModuleVersion version;
        try
        {
            await ModuleLibrary.StartUpgradeAsync(db, child, actor, now, ct);
            ModuleLibrary.SetDraft(child, UpgradedDraft(ModuleLibrary.Draft(child), from.Version, to.Version, actor, now), actor, now);
            version = await ModuleLibrary.PublishAsync(db, child, owner, actor, now, ct);
        }
        catch (Exception ex) when (ex is ModuleException or ModuleRefusal)
        {
            db.ChangeTracker.Clear();
            return Wait(DoesNotPublish(ex));
        }
        AuditLog.Append(db, by, "module.autoUpgraded", $"module:{child.Id}", child.OwnerOrgUnitId, new JsonObject
        {
            ["trigger"] = Actor, ["parentModule"] = child.ParentModuleId, ["from"] = from.Version, ["to"] = to.Version, ["version"] = version.Version,
            ["conflicts"] = rebase.Conflicts.Count,
        });
        // the new version and the services' move commit together: a crash leaves the child either untouched or done
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        try
        {
            await DraftRevisions.SaveAsync(db, child, loaded, ct);
        }
        catch (ModuleRefusal meanwhile)
        {
            db.ChangeTracker.Clear();
            return Wait(meanwhile.Message);
        }
        catch (DbUpdateException race) when (LostRace.Is(race))
        {
            // Another request (another cascade, say) wrote this module at the same moment. The parent's version is saved
            // already, so the publish must not fail for it: this child waits and is upgraded from its banner.
            db.ChangeTracker.Clear();
            return Wait("another request changed this module at the same time; upgrade it from its banner");
        }
        var moved = await MoveServicesAsync(db, child, owner, previous, version, actor, now, ct);
        await transaction.CommitAsync(ct);
        return new Upgraded(child.Id, owner.Name, child.ParentModuleId!.Value, from.Version, to.Version, version.Version, version.SnapshotHash, moved);
    }

    // ---- the rules, shared with the dry run (ModuleImpact) so that it foretells exactly what a publish does ----

    internal const string BlockedReason = "the upgrade has blocking conflicts";

    /// <summary>Why a child waits whatever the rebase says (checked first, in this order); null when it may upgrade on its own.</summary>
    internal static async Task<string?> WhyNotAutomaticAsync(FormFlowDbContext db, ModuleRecord child, CancellationToken ct)
    {
        if (!child.AutoUpgrade) return "automatic upgrades are off for this module";
        if (ModuleLibrary.Latest(child) is not { } previous || previous.Content != child.Draft)
            return $"an unpublished draft is in progress (last saved by {child.DraftUpdatedBy})";
        if (await ModuleLibrary.OpenUpgradeAsync(db, child, ct) is not null) return "an earlier upgrade waits for decisions";
        return null;
    }

    internal static List<string> BlockingConflicts(RebaseResult rebase) => rebase.Conflicts.Where(c => c.Blocking).Select(c => $"{c.Kind} at {c.Path}").ToList();

    internal static string DoesNotPublish(Exception ex) => $"the upgraded module does not publish: {ex.Message}";

    /// <summary>The draft an automatic upgrade publishes: the rebased overlay (the draft once the upgrade finished) with the upgrade in its log.</summary>
    internal static JsonObject UpgradedDraft(JsonObject rebased, string from, string to, string actor, DateTime now)
    {
        (rebased["log"] as JsonArray ?? (JsonArray)(rebased["log"] = new JsonArray())).Add(new JsonObject
        {
            ["choice"] = "automaticUpgrade", ["from"] = from, ["to"] = to, ["by"] = actor, ["at"] = new DateTimeOffset(now, TimeSpan.Zero).ToString("O"),
        });
        return rebased;
    }

    /// <summary>The child's live services on the version it replaced move to the new one, each a new activation (so running cases keep theirs).</summary>
    private static async Task<List<int>> MoveServicesAsync(FormFlowDbContext db, ModuleRecord child, OrgUnit owner, ModuleVersion previous, ModuleVersion version,
        string actor, DateTime now, CancellationToken ct)
    {
        var subtree = db.OrgUnits.Within(owner.Path).Select(o => o.Id);
        var live = await db.ServiceActivations.AsNoTracking()
            .Where(a => a.ModuleKey == child.Key && a.RetiredAt == null && a.SnapshotHash == previous.SnapshotHash && subtree.Contains(a.OrgUnitId))
            .OrderBy(a => a.Id).ToListAsync(ct);
        var moved = new List<int>();
        foreach (var activation in live)
        {
            var target = await db.OrgUnits.SingleAsync(o => o.Id == activation.OrgUnitId, ct);
            moved.Add((await ServiceActivator.Activate(db, child, version, target, actor, now, ct)).Id);
        }
        return moved;
    }

    /// <summary>The report as the publish answer carries it: <c>{upgraded: [...], waiting: [...]}</c>, camelCase.</summary>
    public static JsonObject ToJson(Report report) => JsonSerializer.SerializeToNode(report, JsonSerializerOptions.Web)!.AsObject();
}
