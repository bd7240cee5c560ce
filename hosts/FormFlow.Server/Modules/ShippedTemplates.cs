using FormFlow.Engine.Modules.Packages;
using FormFlow.Persistence;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Modules;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Modules;

/// <summary>
/// The module templates shipped with the server (<c>module-templates/</c>: a subfolder with a module.json each) as
/// templates of one org unit, published as their package version. A template the unit already has is left alone.
/// </summary>
internal static class ShippedTemplates
{
    /// <summary>Where they are: <c>FormFlow:ModuleTemplates</c>, else the copy beside the program.</summary>
    public static string Folder(IConfiguration config) =>
        config["FormFlow:ModuleTemplates"] is { Length: > 0 } folder ? Path.GetFullPath(folder) : Path.Combine(AppContext.BaseDirectory, "module-templates");

    /// <returns>Every shipped template of the unit by module key, and the keys imported now.</returns>
    public static async Task<(Dictionary<string, ModuleRecord> Templates, List<string> Imported)> ImportAsync(
        FormFlowDbContext db, string folder, OrgUnit owner, DateTime now, CancellationToken ct)
    {
        var templates = new Dictionary<string, ModuleRecord>();
        var imported = new List<string>();
        var packages = Directory.GetDirectories(folder).Where(d => File.Exists(Path.Combine(d, ModulePackageLoader.ManifestFile))).Order(StringComparer.Ordinal);
        foreach (var packageFolder in packages)
        {
            var package = ModulePackageLoader.Load(packageFolder);
            var key = (string)package["id"]!;
            var template = await db.Modules.Include(m => m.Versions).SingleOrDefaultAsync(m => m.OwnerOrgUnitId == owner.Id && m.Key == key, ct);
            if (template is null)
            {
                template = await ModuleLibrary.ImportTemplateAsync(db, package, owner, AuditLog.SystemActor, now, ct);
                await db.SaveChangesAsync(ct);
                imported.Add(key);
            }
            templates[key] = template;
        }
        return (templates, imported);
    }
}
