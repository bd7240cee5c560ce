using FormFlow.Persistence;
using FormFlow.Persistence.Modules;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Modules;

/// <summary>A module's summary with its parent's latest published hash, so the Studio can tell an upgrade is due.</summary>
internal static class ModuleSummaries
{
    internal static async Task<Dictionary<int, string>> LatestHashesAsync(FormFlowDbContext db, List<int> moduleIds, CancellationToken ct) =>
        (await db.ModuleVersions.AsNoTracking().Where(v => moduleIds.Contains(v.ModuleRecordId)).ToListAsync(ct))
            .GroupBy(v => v.ModuleRecordId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Id)!.SnapshotHash);

    internal static async Task<ModuleSummaryView> SummaryAsync(FormFlowDbContext db, ModuleRecord module, OrgUnit owner, CancellationToken ct)
    {
        var parentLatest = module.ParentModuleId is { } p ? (await LatestHashesAsync(db, [p], ct)).GetValueOrDefault(p) : null;
        return ModuleSummaryView.From(module, owner, parentLatest);
    }
}
