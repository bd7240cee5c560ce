using System.Text.Json.Nodes;
using FormFlow.Engine.Modules.Packages;
using FormFlow.Persistence;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Modules;
using FormFlow.Server.Modules;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Demo;

/// <summary>
/// Demo mode's module library and services: every module template in the templates folder (a subfolder with a
/// module.json — shipped: join, benefits, legal-consultation) becomes one of the demo city's templates
/// (published as their package version) and are activated for the whole city; 东城区 and 西湖区 each derive
/// join and one other template with their own customisations (the overlays of <c>samples/customisations</c>,
/// re-addressed to the demo districts), publish them and activate them for their district; the shipped keyed
/// derivations (<see cref="ShippedDerivations"/>) are derived, published and activated at the city. Whatever exists
/// already is left alone, so restarts (and several processes starting at once) add nothing twice.
/// </summary>
internal static class DemoServices
{
    /// <summary>District → (module key, overlay file in the customisations folder).</summary>
    public static readonly IReadOnlyList<(string District, string Module, string Overlay)> Customisations =
    [
        ("东城区总工会", "join", "haidian.overlay.json"),
        ("东城区总工会", "legal-consultation", "haidian.legal.overlay.json"),
        ("西湖区总工会", "join", "chaoyang.overlay.json"),
        ("西湖区总工会", "benefits", "chaoyang.benefits.overlay.json"),
    ];

    /// <summary>Where the shipped templates are (<see cref="ShippedTemplates.Folder"/>).</summary>
    public static string TemplatesFolder(IConfiguration config) => ShippedTemplates.Folder(config);

    /// <summary>The district overlays: beside the templates folder's parent as <c>customisations/</c> (the program's copy of samples/customisations).</summary>
    public static string CustomisationsFolder(string templatesFolder)
    {
        var beside = Path.Combine(Path.GetDirectoryName(templatesFolder.TrimEnd(Path.DirectorySeparatorChar))!, "customisations");
        return Directory.Exists(beside) ? beside : Path.Combine(AppContext.BaseDirectory, "customisations");
    }

    /// <returns>What was added now: module keys activated at the city, and "district/module" derivations.</returns>
    /// <param name="drafts">Whether the city's sample drafts (<c>city.*.draft.json</c>, <c>FormFlow:DemoDrafts</c>) are saved as its templates' next versions.</param>
    public static async Task<IReadOnlyList<string>> SeedAsync(FormFlowDbContext db, string templatesFolder, DateTime now, bool drafts = false, CancellationToken ct = default)
    {
        var city = await db.OrgUnits.SingleOrDefaultAsync(o => o.ParentId == null && o.Name == DemoData.Hierarchy.Name, ct);
        if (city is null) return [];
        var added = new List<string>();
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var (templates, imported) = await ShippedTemplates.ImportAsync(db, templatesFolder, city, now, ct);
        foreach (var key in imported)
        {
            await ServiceActivator.Activate(db, templates[key], ModuleLibrary.Latest(templates[key])!, city, AuditLog.SystemActor, now, ct);
            added.Add(key);
        }
        var folder = CustomisationsFolder(templatesFolder);
        foreach (var (districtName, key, file) in Customisations)
        {
            var district = await db.OrgUnits.SingleOrDefaultAsync(o => o.ParentId == city.Id && o.Name == districtName, ct);
            if (district is null || !templates.ContainsKey(key) || await db.Modules.AnyAsync(m => m.OwnerOrgUnitId == district.Id && m.Key == key, ct)) continue;
            var derived = await ModuleLibrary.DeriveAsync(db, templates[key], city, district, AuditLog.SystemActor, now, ct);
            var operations = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, file), ct))!["operations"];
            var draft = ModuleLibrary.Draft(derived);
            draft["operations"] = operations!.DeepClone();
            derived.Draft = draft.ToJsonString();
            var version = await ModuleLibrary.PublishAsync(db, derived, district, AuditLog.SystemActor, now, ct);
            await db.SaveChangesAsync(ct);
            await ServiceActivator.Activate(db, derived, version, district, AuditLog.SystemActor, now, ct);
            added.Add($"{districtName}/{key}");
        }
        // the shipped keyed derivations (技术问答, 创新成果展示) beside the training services, which the city runs
        foreach (var file in ShippedDerivations.Files(templatesFolder))
            if (await ShippedDerivations.DeriveAsync(db, templates, city, file, now, ct) is var (derivation, version))
            {
                await ServiceActivator.Activate(db, derivation, version, city, AuditLog.SystemActor, now, ct);
                added.Add(derivation.Key);
            }
        foreach (var draftFile in (drafts && Directory.Exists(folder) ? Directory.GetFiles(folder, "city.*.draft.json") : []).Order(StringComparer.Ordinal))
            if (await DraftNextVersionAsync(db, templates, draftFile, now, ct) is { } drafted) added.Add(drafted);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return added;
    }

    /// <summary>
    /// A city draft sample (<c>city.*.draft.json</c>: module, version, addLocks) saved as the template's draft when the
    /// template has published only its first version and no draft is in progress: the next version to publish, so that
    /// the Studio's impact view has something to show. "module@version" when saved.
    /// </summary>
    private static async Task<string?> DraftNextVersionAsync(FormFlowDbContext db, Dictionary<string, ModuleRecord> templates, string file, DateTime now, CancellationToken ct)
    {
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(file, ct))!.AsObject();
        if (!templates.TryGetValue((string)sample["module"]!, out var template) || template.Versions.Count != 1 || ModuleLibrary.Latest(template)!.Content != template.Draft) return null;
        var owner = await db.OrgUnits.SingleAsync(o => o.Id == template.OwnerOrgUnitId, ct);
        var package = ModuleLibrary.Draft(template);
        package["version"] = sample["version"]!.DeepClone();
        var locks = package["locks"] as JsonArray ?? (JsonArray)(package["locks"] = new JsonArray());
        foreach (var added in sample["addLocks"]?.AsArray() ?? []) locks.Add(added!.DeepClone());
        ModuleLibrary.SetPackage(db, template, owner, package, AuditLog.SystemActor, now);
        return $"{template.Key}@{sample["version"]}";
    }
}
