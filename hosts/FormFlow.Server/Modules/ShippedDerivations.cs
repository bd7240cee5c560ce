using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Modules;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Modules;

/// <summary>
/// The keyed derivations shipped beside the templates (<c>module-templates/</c>: a subfolder with an overlay.json each,
/// e.g. the innovation showcase on golden ideas): derived from the template its base names, at the org that owns it,
/// under the overlay's key, name and description, with its operations, and published. One the org has is left alone.
/// </summary>
internal static class ShippedDerivations
{
    public const string OverlayFile = "overlay.json";

    public static IEnumerable<string> Files(string templatesFolder) =>
        Directory.GetDirectories(templatesFolder).Select(d => Path.Combine(d, OverlayFile)).Where(File.Exists).Order(StringComparer.Ordinal);

    /// <returns>The derived module and its first version; null when the org has it already or the parent template is missing.</returns>
    public static async Task<(ModuleRecord Module, ModuleVersion Version)?> DeriveAsync(FormFlowDbContext db, IReadOnlyDictionary<string, ModuleRecord> templates,
        OrgUnit owner, string file, DateTime now, CancellationToken ct)
    {
        var shipped = JsonNode.Parse(await File.ReadAllTextAsync(file, ct))!.AsObject();
        var key = (string)shipped["key"]!;
        if (!templates.TryGetValue((string)shipped["base"]!["module"]!, out var parent)
            || await db.Modules.AnyAsync(m => m.OwnerOrgUnitId == owner.Id && m.Key == key, ct)) return null;
        var parentOwner = await db.OrgUnits.SingleAsync(o => o.Id == parent.OwnerOrgUnitId, ct);
        var module = await ModuleLibrary.DeriveAsync(db, parent, parentOwner, owner, AuditLog.SystemActor, now, ct, key, shipped["name"]!.AsObject());
        // the overlay keeps the org and base the library gave it: the file's are those of `formflow module resolve`
        var draft = ModuleLibrary.Draft(module);
        draft["description"] = shipped["description"]?.DeepClone();
        draft["operations"] = shipped["operations"]!.DeepClone();
        module.Draft = draft.ToJsonString();
        var version = await ModuleLibrary.PublishAsync(db, module, owner, AuditLog.SystemActor, now, ct);
        await db.SaveChangesAsync(ct);
        return (module, version);
    }
}
