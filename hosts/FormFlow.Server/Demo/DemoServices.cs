using System.Text.Json.Nodes;
using FormFlow.Engine.Templates.Packages;
using FormFlow.Engine.Templates.Resolution;
using FormFlow.Persistence;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Services;
using FormFlow.Server.Snapshots;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Demo;

/// <summary>
/// Demo mode's services: every module template in the templates folder (a subfolder with a module.json — shipped:
/// join, benefits, legal-consultation) resolved as it is (no overlays), stored as a snapshot and activated at the
/// demo city for its whole subtree. A module already live at the city is left alone, so restarts
/// (and several processes starting at once) add nothing twice.
/// </summary>
public static class DemoServices
{
    /// <summary>Where the shipped templates are: <c>FormFlow:ModuleTemplates</c>, else the copy beside the program.</summary>
    public static string TemplatesFolder(IConfiguration config) =>
        config["FormFlow:ModuleTemplates"] is { Length: > 0 } folder ? Path.GetFullPath(folder) : Path.Combine(AppContext.BaseDirectory, "module-templates");

    /// <returns>The module IDs activated now.</returns>
    public static async Task<IReadOnlyList<string>> SeedAsync(FormFlowDbContext db, string templatesFolder, DateTime now, CancellationToken ct = default)
    {
        var city = await db.OrgUnits.SingleOrDefaultAsync(o => o.ParentId == null && o.Name == DemoData.Hierarchy.Name, ct);
        if (city is null) return [];
        var live = await db.ServiceActivations.Where(a => a.OrgUnitId == city.Id && a.RetiredAt == null).Select(a => a.ModuleId).ToListAsync(ct);
        var activated = new List<string>();
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var folders = Directory.GetDirectories(templatesFolder).Where(d => File.Exists(Path.Combine(d, ModulePackageLoader.ManifestFile))).Order(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var snapshot = ChainResolver.Resolve(ModulePackageLoader.Load(folder), []);
            var moduleId = (string)snapshot.Module["id"]!;
            if (live.Contains(moduleId)) continue;
            await SnapshotStore.AddIfMissingAsync(db, snapshot, city.Id, now, ct);
            db.ServiceActivations.Add(new ServiceActivation
            {
                ModuleId = moduleId, OrgUnitId = city.Id, SnapshotHash = snapshot.Hash, ActivatedAt = now, ActivatedBy = AuditLog.SystemActor,
            });
            AuditLog.Append(db, AuditLog.SystemActor, "service.activated", $"org:{city.Id}",
                new JsonObject { ["module"] = moduleId, ["snapshot"] = snapshot.Hash, ["demo"] = true });
            activated.Add(moduleId);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return activated;
    }
}
