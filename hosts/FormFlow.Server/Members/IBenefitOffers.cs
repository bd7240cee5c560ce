using FormFlow.Persistence;

namespace FormFlow.Server.Members;

/// <summary>The benefits a member of an org gets: those of the benefits service available at the org.</summary>
internal interface IBenefitOffers
{
    Task<IReadOnlyList<BenefitOffer>> ForOrgAsync(FormFlowDbContext db, int orgUnitId, CancellationToken ct);
}
