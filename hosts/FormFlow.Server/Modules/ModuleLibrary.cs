using System.Text.Json.Nodes;
using FormFlow.Engine.Modules.Overlays;
using FormFlow.Engine.Modules.Packages;
using FormFlow.Engine.Modules.Rebase;
using FormFlow.Engine.Modules.Resolution;
using FormFlow.Persistence;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Modules;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Snapshots;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Modules;

/// <summary>
/// The module library's operations on the store: importing a template, resolving a draft, deriving, publishing.
/// The engine decides (resolution, locks, soundness); this class finds the inputs and records the outcome, with an
/// audit entry per change. Callers save.
/// </summary>
internal static class ModuleLibrary
{
    /// <summary>Loads a module with its versions; null when unknown.</summary>
    public static Task<ModuleRecord?> FindAsync(FormFlowDbContext db, int id, CancellationToken ct) =>
        db.Modules.Include(m => m.Versions).SingleOrDefaultAsync(m => m.Id == id, ct);

    public static JsonObject Draft(ModuleRecord module) => JsonNode.Parse(module.Draft)!.AsObject();

    public static ModuleVersion? Latest(ModuleRecord module) => module.Versions.OrderByDescending(v => v.Id).FirstOrDefault();

    /// <summary>A template package (as a folder loads it) owned by <paramref name="owner"/>, published as its version.</summary>
    public static async Task<ModuleRecord> ImportTemplateAsync(FormFlowDbContext db, JsonObject package, OrgUnit owner, string by, DateTime now, CancellationToken ct)
    {
        var document = ModulePackageLoader.FromDocument(package, ModuleOrgs.Ref(owner));
        var module = new ModuleRecord
        {
            Key = (string)document["id"]!, Name = document["name"]!.ToJsonString(), Category = (string)document["category"]!,
            Kind = ModuleKinds.Template, OwnerOrgUnitId = owner.Id, Draft = document.ToJsonString(),
            DraftUpdatedAt = now, DraftUpdatedBy = by, CreatedAt = now,
        };
        db.Modules.Add(module);
        await PublishAsync(db, module, owner, by, now, ct);
        return module;
    }

    /// <summary>
    /// A derived module for <paramref name="org"/> on the parent's latest published version, with an empty overlay. Given
    /// a <paramref name="key"/> other than the parent's, it is a service of its own (a keyed derivation: the overlay
    /// carries the key and <paramref name="name"/>, and the snapshot is that service's); otherwise it takes the parent's
    /// key and name and the parent's place for the org's subtree.
    /// </summary>
    public static async Task<ModuleRecord> DeriveAsync(FormFlowDbContext db, ModuleRecord parent, OrgUnit parentOwner, OrgUnit org, string by, DateTime now,
        CancellationToken ct, string? key = null, JsonObject? name = null)
    {
        ModuleLifecycle.EnsureNotArchived(parent, "derived");
        key ??= parent.Key;
        await EnsureDerivableAtAsync(db, parent, parentOwner, org, key, "orgUnitId", ct);
        if (Latest(parent) is not { } version)
            throw ModuleRefusal.Conflict("Nothing published", $"module {parent.Id} has no published version to derive from");
        var snapshot = await SnapshotCatalog.ReadDocumentAsync(db, version.SnapshotHash, ct);
        var overlay = new JsonObject
        {
            ["org"] = ModuleOrgs.Ref(org).ToJson(),
            ["base"] = new JsonObject { ["module"] = parent.Key, ["version"] = (string?)snapshot["version"], ["hash"] = version.SnapshotHash },
        };
        if (key != parent.Key) overlay["key"] = key;
        if (name is not null) overlay["name"] = name.DeepClone();
        overlay["operations"] = new JsonArray();
        overlay["log"] = new JsonArray();
        var module = new ModuleRecord
        {
            Key = key, Name = name?.ToJsonString() ?? parent.Name, Category = parent.Category, Kind = ModuleKinds.Derived, OwnerOrgUnitId = org.Id,
            ParentModuleId = parent.Id, Draft = overlay.ToJsonString(), DraftUpdatedAt = now, DraftUpdatedBy = by, CreatedAt = now,
        };
        db.Modules.Add(module);
        AuditLog.Append(db, by, "module.derived", $"module:{parent.Id}", org.Id, new JsonObject { ["key"] = key, ["parentKey"] = parent.Key, ["org"] = org.Id });
        return module;
    }

    /// <summary>
    /// Where a module of <paramref name="key"/> derived from <paramref name="parent"/> may belong (a new one or a copy).
    /// With the parent's key: an org below the parent's owner (it takes the parent's place there). With a key of its
    /// own: the parent's owner or below, since it is a second service beside the parent's. Either way the org has no
    /// module of that key yet, and a key of its own is no other service's: only sibling derivations of the same parent
    /// (two districts each making an innovation showcase of the city's golden ideas) share it.
    /// <paramref name="field"/> is the request field naming the org.
    /// </summary>
    public static async Task EnsureDerivableAtAsync(FormFlowDbContext db, ModuleRecord parent, OrgUnit parentOwner, OrgUnit org, string key, string field, CancellationToken ct)
    {
        var keyed = key != parent.Key;
        var atOwner = org.Id == parentOwner.Id;
        if (!atOwner && OrgSubtree.Contains(org.Path, parentOwner.Path) || atOwner && !keyed)
            throw ModuleRefusal.InvalidField(field, "Cannot derive here",
                $"{org.Name} is not below {parentOwner.Name}, which owns module {parent.Id}: a module is derived by a lower org" +
                (atOwner ? ", or by the owner under a module key of its own" : ""));
        if (await db.Modules.AnyAsync(m => m.OwnerOrgUnitId == org.Id && m.Key == key, ct))
            throw keyed
                ? ModuleRefusal.ConflictOnField("moduleKey", "Module key taken", $"{org.Name} already has a module '{key}': give the derivation another key")
                : ModuleRefusal.ConflictOnField(field, "Already derived", $"{org.Name} already has a module '{key}'");
        if (keyed && await db.Modules.AnyAsync(m => m.Key == key && m.ParentModuleId != parent.Id, ct))
            throw ModuleRefusal.ConflictOnField("moduleKey", "Module key taken",
                $"'{key}' is the key of another service in the library: a derivation of module {parent.Id} with a key of its own takes a new one");
    }

    /// <summary>Resolves the draft: a template's package alone, or the parent's snapshot with this module's overlay.</summary>
    public static async Task<Snapshot> ResolveDraftAsync(FormFlowDbContext db, ModuleRecord module, OrgUnit owner, CancellationToken ct)
    {
        var draft = Draft(module);
        if (module.Kind == ModuleKinds.Template)
            return ChainResolver.Resolve(ModulePackageLoader.FromDocument(draft, ModuleOrgs.Ref(owner)), []);
        return await ResolveOverlayAsync(db, draft, owner, ct);
    }

    /// <summary>The parent's snapshot (the overlay's base) with the overlay applied.</summary>
    private static async Task<Snapshot> ResolveOverlayAsync(FormFlowDbContext db, JsonObject overlayDocument, OrgUnit owner, CancellationToken ct)
    {
        var overlay = Overlay.Parse(overlayDocument, owner.Name);
        return ChainResolver.Resolve(await SnapshotCatalog.ReadDocumentAsync(db, overlay.BaseHash!, ct), [overlay]);
    }

    /// <summary>An overlay applied to its parent's resolved module (stored or not yet published: the impact dry run).</summary>
    public static Snapshot ResolveOverlay(JsonObject parentModule, JsonObject overlayDocument, OrgUnit owner) =>
        ChainResolver.Resolve(parentModule, [Overlay.Parse(overlayDocument, owner.Name)]);

    /// <summary>Replaces a derived module's operations (checked by resolving them); the log and base stay.</summary>
    public static async Task SetOverlayAsync(FormFlowDbContext db, ModuleRecord module, OrgUnit owner, JsonNode? operations, string by, DateTime now, CancellationToken ct)
    {
        if (await OpenUpgradeAsync(db, module, ct) is not null)
            throw ModuleRefusal.Conflict("Upgrade in progress", $"module {module.Id} has an upgrade with open conflicts: resolve them (or publish) before editing the overlay");
        var draft = Draft(module);
        draft["operations"] = operations?.DeepClone();
        await ResolveOverlayAsync(db, draft, owner, ct);
        SetDraft(module, draft, by, now);
        AuditLog.Append(db, by, "module.overlayChanged", $"module:{module.Id}", module.OwnerOrgUnitId, new JsonObject { ["operations"] = (operations as JsonArray)?.Count });
    }

    /// <summary>Replaces a template's draft package (checked by resolving it); the owner stays the module's.</summary>
    public static void SetPackage(FormFlowDbContext db, ModuleRecord module, OrgUnit owner, JsonNode? package, string by, DateTime now)
    {
        var document = ModulePackageLoader.FromDocument(package, ModuleOrgs.Ref(owner));
        if ((string?)document["id"] != module.Key)
            throw ModuleRefusal.Invalid("Module ID changed", $"the package's id is '{document["id"]}'; module {module.Id} is '{module.Key}' and keeps it");
        ChainResolver.Resolve(document, []);
        SetDraft(module, document, by, now);
        module.Name = document["name"]!.ToJsonString();
        module.Category = (string)document["category"]!;
        AuditLog.Append(db, by, "module.draftChanged", $"module:{module.Id}", module.OwnerOrgUnitId, new JsonObject { ["version"] = (string?)document["version"] });
    }

    /// <summary>What publishing the draft would make: the snapshot, the version's name and the parent's version it is pinned to.</summary>
    public sealed record Candidate(Snapshot Snapshot, string Version, int? ParentVersionId);

    /// <summary>
    /// The draft as the next version, checked as a publish checks it (stores nothing): 409 while an upgrade has open
    /// conflicts, nothing changed, or a template's version is published already.
    /// </summary>
    public static async Task<Candidate> CandidateAsync(FormFlowDbContext db, ModuleRecord module, OrgUnit owner, CancellationToken ct)
    {
        if (module.Id != 0 && await OpenUpgradeAsync(db, module, ct) is { } open)
            throw ModuleRefusal.Conflict("Blocking conflicts remain",
                $"the upgrade to the parent's version {open.To.Version} has {open.Result.Conflicts.Count(c => c.Blocking)} blocking conflict(s): " +
                string.Join("; ", open.Result.Conflicts.Where(c => c.Blocking).Select(c => $"{c.Kind} at {c.Path}")));
        var snapshot = await ResolveDraftAsync(db, module, owner, ct);
        var latest = Latest(module);
        // A derived module whose upgrade leaves its result unchanged still publishes: the version records the new base.
        if (latest?.SnapshotHash == snapshot.Hash && latest.Content == module.Draft)
            throw ModuleRefusal.Conflict("Nothing to publish", $"the draft resolves to version {latest.Version}'s snapshot {snapshot.Hash}");
        int? parentVersion = null;
        string version;
        if (module.Kind == ModuleKinds.Template)
        {
            version = (string)snapshot.Module["version"]!;
            if (module.Versions.Any(v => v.Version == version))
                throw ModuleRefusal.Conflict("Version already published", $"version {version} of '{module.Key}' is published and immutable: raise the version in the draft");
        }
        else
        {
            version = NextDerivedVersion(module);
            var baseHash = (string)Draft(module)["base"]!["hash"]!;
            parentVersion = await db.ModuleVersions.Where(v => v.ModuleRecordId == module.ParentModuleId && v.SnapshotHash == baseHash)
                .OrderByDescending(v => v.Id).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);
        }
        return new Candidate(snapshot, version, parentVersion);
    }

    /// <summary>A derived module's versions are numbered 1, 2, 3 ...</summary>
    public static string NextDerivedVersion(ModuleRecord module) => (module.Versions.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Publishes the draft as the next immutable version; 409 while an upgrade has open conflicts or nothing changed.</summary>
    public static async Task<ModuleVersion> PublishAsync(FormFlowDbContext db, ModuleRecord module, OrgUnit owner, string by, DateTime now, CancellationToken ct)
    {
        var (snapshot, version, parentVersion) = await CandidateAsync(db, module, owner, ct);
        await SnapshotStore.AddIfMissingAsync(db, snapshot, owner.Id, now, ct);
        var row = new ModuleVersion
        {
            Version = version, SnapshotHash = snapshot.Hash, Content = module.Draft, ParentVersionId = parentVersion, PublishedAt = now, PublishedBy = by,
        };
        module.Versions.Add(row);
        AuditLog.Append(db, by, "module.published", $"module:{module.Key}@{owner.Id}", owner.Id, new JsonObject { ["version"] = version, ["snapshot"] = snapshot.Hash });
        return row;
    }

    // ---- upgrades ----

    /// <summary>An upgrade being worked on: the stored row, the parent's two versions, and its current state.</summary>
    public sealed record UpgradeState(ModuleUpgrade Row, ModuleVersion From, ModuleVersion To, RebaseResult Result);

    /// <summary>A stable name for a conflict across decisions (indexes shift as conflicts are settled).</summary>
    public static string ConflictId(RebaseConflict conflict) => $"{conflict.Kind}:{conflict.Path}";

    /// <summary>The unfinished upgrade of a module (blocking conflicts remain), replayed to its current state.</summary>
    public static async Task<UpgradeState?> OpenUpgradeAsync(FormFlowDbContext db, ModuleRecord module, CancellationToken ct)
    {
        var row = await db.ModuleUpgrades.Where(u => u.ModuleRecordId == module.Id && u.FinishedAt == null).OrderByDescending(u => u.Id).FirstOrDefaultAsync(ct);
        return row is null ? null : await ReplayAsync(db, row, ct);
    }

    private static async Task<UpgradeState> ReplayAsync(FormFlowDbContext db, ModuleUpgrade row, CancellationToken ct)
    {
        var from = await db.ModuleVersions.SingleAsync(v => v.Id == row.FromParentVersionId, ct);
        var to = await db.ModuleVersions.SingleAsync(v => v.Id == row.ToParentVersionId, ct);
        var result = await RebaseAsync(db, from, to, row.Overlay, ct);
        foreach (var decision in JsonNode.Parse(row.Decisions)!.AsArray())
            result = Decide(result, (string)decision!["conflictId"]!, Choice((string)decision["choice"]!), decision["value"],
                (string)decision["by"]!, DateTimeOffset.Parse((string)decision["at"]!, System.Globalization.CultureInfo.InvariantCulture));
        return new UpgradeState(row, from, to, result);
    }

    /// <summary>The child's overlay (as JSON) replayed from the parent's version <paramref name="from"/> onto <paramref name="to"/>; stores nothing.</summary>
    public static async Task<RebaseResult> RebaseAsync(FormFlowDbContext db, ModuleVersion from, ModuleVersion to, string overlay, CancellationToken ct) =>
        Rebase(await SnapshotCatalog.ReadDocumentAsync(db, from.SnapshotHash, ct), await SnapshotCatalog.ReadDocumentAsync(db, to.SnapshotHash, ct), overlay);

    /// <summary>The same between two resolved modules (stored or foreseen).</summary>
    public static RebaseResult Rebase(JsonObject from, JsonObject to, string overlay) => OverlayRebaser.Rebase(from, to, Overlay.Parse(JsonNode.Parse(overlay), "upgrade"));

    /// <summary>The parent's version the draft is based on and the parent's latest one; null when they are the same.</summary>
    public static async Task<(ModuleVersion From, ModuleVersion To)?> UpgradeStepAsync(FormFlowDbContext db, ModuleRecord module, CancellationToken ct)
    {
        if (module.Kind != ModuleKinds.Derived)
            throw ModuleRefusal.Conflict("Not a derived module", $"module {module.Id} is a template: it has no parent to upgrade to");
        var parent = await FindAsync(db, module.ParentModuleId!.Value, ct) ?? throw ModuleRefusal.NotFound(module.ParentModuleId.Value);
        var baseHash = (string)Draft(module)["base"]!["hash"]!;
        var to = Latest(parent)!;
        if (to.SnapshotHash == baseHash) return null;
        return (parent.Versions.Where(v => v.SnapshotHash == baseHash).OrderByDescending(v => v.Id).First(), to);
    }

    /// <summary>Rebases the draft overlay onto the parent's latest version; without conflicts it becomes the draft at once.</summary>
    public static async Task<UpgradeState> StartUpgradeAsync(FormFlowDbContext db, ModuleRecord module, string by, DateTime now, CancellationToken ct)
    {
        if (await UpgradeStepAsync(db, module, ct) is not var (from, to))
            throw ModuleRefusal.Conflict("Up to date", $"module {module.Id} is already based on the parent's latest version");
        foreach (var stale in await db.ModuleUpgrades.Where(u => u.ModuleRecordId == module.Id && u.FinishedAt == null).ToListAsync(ct))
            stale.FinishedAt = now;
        var row = new ModuleUpgrade
        {
            ModuleRecordId = module.Id, FromParentVersionId = from.Id, ToParentVersionId = to.Id, Overlay = module.Draft, StartedAt = now, StartedBy = by,
        };
        db.ModuleUpgrades.Add(row);
        var state = await ReplayAsync(db, row, ct);
        AuditLog.Append(db, by, "module.upgradeStarted", $"module:{module.Id}", module.OwnerOrgUnitId, new JsonObject
        {
            ["from"] = from.Version, ["to"] = to.Version, ["conflicts"] = state.Result.Conflicts.Count,
        });
        if (!state.Result.Blocking) Finish(module, state, by, now);
        return state;
    }

    /// <summary>Settles one conflict (logged in the overlay and the audit log); the last one makes the rebased overlay the draft.</summary>
    public static UpgradeState Resolve(FormFlowDbContext db, ModuleRecord module, UpgradeState state, string conflictId, ConflictChoice choice, JsonNode? value, string by, DateTime now)
    {
        var at = new DateTimeOffset(now, TimeSpan.Zero);
        var result = Decide(state.Result, conflictId, choice, value, by, at);
        var decisions = JsonNode.Parse(state.Row.Decisions)!.AsArray();
        decisions.Add(new JsonObject
        {
            ["conflictId"] = conflictId, ["choice"] = ChoiceName(choice), ["value"] = value?.DeepClone(), ["by"] = by, ["at"] = at.ToString("O"),
        });
        state.Row.Decisions = decisions.ToJsonString();
        AuditLog.Append(db, by, "module.conflictResolved", $"module:{module.Id}", module.OwnerOrgUnitId, new JsonObject
        {
            ["conflict"] = conflictId, ["choice"] = ChoiceName(choice), ["value"] = value?.DeepClone(),
        });
        var next = state with { Result = result };
        if (!result.Blocking) Finish(module, next, by, now);
        return next;
    }

    private static void Finish(ModuleRecord module, UpgradeState state, string by, DateTime now)
    {
        state.Row.FinishedAt = now;
        SetDraft(module, state.Result.Overlay, by, now);
    }

    /// <summary>Every change of a draft goes through here: it moves the revision that concurrent saves are checked against.</summary>
    internal static void SetDraft(ModuleRecord module, JsonObject draft, string by, DateTime now)
    {
        module.Draft = draft.ToJsonString();
        (module.DraftUpdatedAt, module.DraftUpdatedBy) = (now, by);
        module.DraftRevision++;
    }

    private static RebaseResult Decide(RebaseResult result, string conflictId, ConflictChoice choice, JsonNode? value, string by, DateTimeOffset at)
    {
        var index = result.Conflicts.ToList().FindIndex(c => ConflictId(c) == conflictId);
        if (index < 0)
            throw ModuleRefusal.Invalid("No such conflict",
                $"there is no open conflict '{conflictId}'; open: {string.Join(", ", result.Conflicts.Select(ConflictId).DefaultIfEmpty("none"))}");
        return result.Decide(index, choice, value, by, at);
    }

    public static ConflictChoice Choice(string name) => name switch
    {
        "keepMine" => ConflictChoice.KeepMine,
        "takeParent" => ConflictChoice.TakeParent,
        "edit" => ConflictChoice.Edit,
        _ => throw ModuleRefusal.Invalid("Unknown choice", $"choice '{name}' is not one of keepMine, takeParent, edit"),
    };

    private static string ChoiceName(ConflictChoice choice) => choice switch
    {
        ConflictChoice.KeepMine => "keepMine",
        ConflictChoice.TakeParent => "takeParent",
        _ => "edit",
    };
}
