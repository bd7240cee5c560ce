using FormFlow.Persistence;
using FormFlow.Server.Services;
using FormFlow.Server.Snapshots;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Members;

/// <summary>
/// The benefits of the benefits service available at an org (the deepest live activation on its chain, as the
/// service hall shows it), read from that service's snapshot — so a district that lowered the quota within the
/// city's lock grants its members the lower quota. No benefits service there: no benefits.
/// </summary>
internal sealed class ServiceBenefitOffers(SnapshotCatalog snapshots, ServiceDirectory directory) : IBenefitOffers
{
    public async Task<IReadOnlyList<BenefitOffer>> ForOrgAsync(FormFlowDbContext db, int orgUnitId, CancellationToken ct)
    {
        var org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgUnitId, ct);
        if (org is null) return [];
        var service = (await directory.AvailableAtAsync(db, org, ct)).FirstOrDefault(s => s.Activation.ModuleKey == BenefitCatalogue.ModuleKey);
        if (service is null) return [];
        var snapshot = await snapshots.RequireAsync(db, service.Activation.SnapshotHash, ct);
        return BenefitCatalogue.Offers(snapshot.Module);
    }
}
