using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormFlow.Engine.Modules.Packages;
using FormFlow.Engine.Modules.Resolution;
using FormFlow.Persistence;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Modules;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Modules;

/// <summary>
/// A module's life in the library besides deriving and publishing: starting a new template (from another
/// template's content or blank), duplicating a module, archiving and bringing it back. Every input is checked
/// before anything is added; callers save.
/// </summary>
internal static partial class ModuleLifecycle
{
    /// <summary>The manifest schema's rule for a module's id (its key), checked here to name the request field.</summary>
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.:-]{0,63}$")]
    private static partial Regex IdPattern();

    public static string ModuleKey(string? given)
    {
        if (string.IsNullOrWhiteSpace(given)) throw ModuleRefusal.InvalidField("moduleKey", "Module key missing", "a new module needs a module key, e.g. legal-aid");
        if (!IdPattern().IsMatch(given))
            throw ModuleRefusal.InvalidField("moduleKey", "Invalid module key",
                $"'{given}' is not a module key: a letter, then up to 63 letters, digits or _ . : -");
        return given;
    }

    /// <summary>A localized name with a non-empty Simplified Chinese text; a plain string is taken as that text.</summary>
    public static JsonObject Name(JsonNode? given)
    {
        var name = given switch
        {
            JsonValue v when v.TryGetValue<string>(out var text) => new JsonObject { ["zh-CN"] = text },
            JsonObject o => o.DeepClone().AsObject(),
            _ => null,
        };
        var zh = name?["zh-CN"] is JsonValue z && z.TryGetValue<string>(out var s) ? s.Trim() : null;
        if (name is null || string.IsNullOrEmpty(zh))
            throw ModuleRefusal.InvalidField("name", "Name missing", "a module needs a name in Simplified Chinese: {\"zh-CN\": \"...\"}");
        name["zh-CN"] = zh;
        if (name.ToJsonString().Length > 1000) throw ModuleRefusal.InvalidField("name", "Name too long", "the module name is longer than 1000 characters");
        return name;
    }

    public static string Category(string? given)
    {
        var category = given?.Trim();
        if (string.IsNullOrEmpty(category)) throw ModuleRefusal.InvalidField("category", "Category missing", "a new module needs a category, e.g. legal");
        if (category.Length > 64) throw ModuleRefusal.InvalidField("category", "Category too long", "a category has at most 64 characters");
        return category;
    }

    /// <summary>The org that will own the new module: known (422) and one the caller may create at (403).</summary>
    public static async Task<OrgUnit> TargetOrgAsync(FormFlowDbContext db, int? orgId, Func<OrgUnit, bool> allowed, string role, CancellationToken ct)
    {
        if (orgId is null) throw ModuleRefusal.InvalidField("ownerOrgId", "Owner missing", "name the org unit that will own the module");
        var org = await db.OrgUnits.SingleOrDefaultAsync(o => o.Id == orgId, ct)
                  ?? throw ModuleRefusal.InvalidField("ownerOrgId", "Unknown org unit", $"org unit {orgId} does not exist");
        if (!allowed(org)) throw ModuleRefusal.Forbidden($"ownerOrgId: a module owned by {org.Name} takes a {role} role at {org.Name} or above");
        return org;
    }

    /// <summary>
    /// A template key names one service across the library (derived modules share their parent's), so a new
    /// template takes a key no module has.
    /// </summary>
    public static async Task EnsureKeyFreeAsync(FormFlowDbContext db, string key, CancellationToken ct)
    {
        if (await db.Modules.AnyAsync(m => m.Key == key, ct))
            throw ModuleRefusal.ConflictOnField("moduleKey", "Module key taken", $"a module '{key}' already exists in the library; choose another key");
    }

    /// <summary>A new template draft owned by <paramref name="owner"/> with a package's content under a new ID, name and category, at version 1.0.0.</summary>
    public static ModuleRecord StartTemplate(FormFlowDbContext db, JsonObject package, string key, JsonObject name, string category, OrgUnit owner,
        string by, DateTime now, JsonObject audit)
    {
        var content = package.DeepClone().AsObject();
        content["id"] = key;
        content["name"] = name.DeepClone();
        content["category"] = category;
        content["version"] = "1.0.0";
        var document = ModulePackageLoader.FromDocument(content, ModuleOrgs.Ref(owner));
        ChainResolver.Resolve(document, []);
        var module = new ModuleRecord
        {
            Key = key, Name = name.ToJsonString(), Category = category, Kind = ModuleKinds.Template, OwnerOrgUnitId = owner.Id,
            Draft = document.ToJsonString(), DraftUpdatedAt = now, DraftUpdatedBy = by, CreatedAt = now,
        };
        db.Modules.Add(module);
        audit["key"] = key;
        audit["org"] = owner.Id;
        AuditLog.Append(db, by, "module.created", $"module:{key}@{owner.Id}", owner.Id, audit);
        return module;
    }

    /// <summary>
    /// A copy of a derived module for another org below its parent's owner: derived from the same parent, on the same
    /// base, with the overlay's operations and log; the key stays the source's (the parent's, or the source's own key).
    /// </summary>
    public static async Task<ModuleRecord> DuplicateDerivedAsync(FormFlowDbContext db, ModuleRecord source, OrgUnit org, JsonObject name,
        string by, DateTime now, CancellationToken ct)
    {
        var parent = await db.Modules.AsNoTracking().SingleAsync(m => m.Id == source.ParentModuleId, ct);
        var parentOwner = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == parent.OwnerOrgUnitId, ct);
        await ModuleLibrary.EnsureDerivableAtAsync(db, parent, parentOwner, org, source.Key, "ownerOrgId", ct);
        var overlay = ModuleLibrary.Draft(source);
        overlay["org"] = ModuleOrgs.Ref(org).ToJson();
        var module = new ModuleRecord
        {
            Key = source.Key, Name = name.ToJsonString(), Category = source.Category, Kind = ModuleKinds.Derived, OwnerOrgUnitId = org.Id,
            ParentModuleId = source.ParentModuleId, Draft = overlay.ToJsonString(), DraftUpdatedAt = now, DraftUpdatedBy = by, CreatedAt = now,
        };
        await ModuleLibrary.ResolveDraftAsync(db, module, org, ct); // the copied operations must hold for the new owner too
        db.Modules.Add(module);
        AuditLog.Append(db, by, "module.duplicated", $"module:{source.Id}", org.Id, new JsonObject { ["key"] = source.Key, ["org"] = org.Id });
        return module;
    }

    public static void Archive(FormFlowDbContext db, ModuleRecord module, string by, DateTime now)
    {
        if (module.ArchivedAt is not null)
            throw ModuleRefusal.Conflict("Already archived", $"module {module.Id} '{module.Key}' was archived by {module.ArchivedBy}");
        (module.ArchivedAt, module.ArchivedBy) = (now, by);
        AuditLog.Append(db, by, "module.archived", $"module:{module.Id}", module.OwnerOrgUnitId, new JsonObject { ["key"] = module.Key });
    }

    public static void Unarchive(FormFlowDbContext db, ModuleRecord module, string by)
    {
        if (module.ArchivedAt is null) throw ModuleRefusal.Conflict("Not archived", $"module {module.Id} '{module.Key}' is not archived");
        (module.ArchivedAt, module.ArchivedBy) = (null, null);
        AuditLog.Append(db, by, "module.unarchived", $"module:{module.Id}", module.OwnerOrgUnitId, new JsonObject { ["key"] = module.Key });
    }

    /// <summary>Refuses what an archived module no longer offers (deriving, new activations).</summary>
    public static void EnsureNotArchived(ModuleRecord module, string refused)
    {
        if (module.ArchivedAt is not null)
            throw ModuleRefusal.Conflict("Module archived",
                $"module {module.Id} '{module.Key}' is archived: it cannot be {refused}; unarchive it first (services already running keep running)");
    }
}
