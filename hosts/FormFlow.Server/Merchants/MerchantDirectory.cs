using FormFlow.Persistence;
using FormFlow.Persistence.Members;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Members;
using FormFlow.Server.Shared;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Merchants;

/// <summary>
/// The merchants members may use today (not deactivated, inside their active window), searched by name, address or
/// discount and filtered by category and district (a district filter takes the merchants of the unit's subtree).
/// Benefits are named as the benefits service at the merchant's district names them.
/// </summary>
internal sealed class MerchantDirectory(FormFlowDbContext db, IBenefitOffers offers, TimeProvider clock)
{
    public async Task<(List<MerchantListing> Items, string? Next)> SearchAsync(string? q, string? category, OrgUnit? district, IdPage page, CancellationToken ct)
    {
        var merchants = Active();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            merchants = merchants.Where(m => m.Name.Contains(text) || (m.Address ?? "").Contains(text) || (m.Discount ?? "").Contains(text));
        }
        if (!string.IsNullOrWhiteSpace(category)) merchants = merchants.Where(m => m.Category == category.Trim());
        if (district is not null) merchants = merchants.Where(m => m.District!.Path.StartsWith(district.Path));
        if (page.Before is { } before) merchants = merchants.Where(m => m.Id < before);
        var found = await merchants.Include(m => m.District).Include(m => m.Benefits).AsSplitQuery()
            .OrderByDescending(m => m.Id).Take(page.Limit + 1).ToListAsync(ct);
        var (items, next) = page.Cut(found, m => m.Id);
        var names = new Dictionary<int, Dictionary<string, string>>();
        var listings = new List<MerchantListing>();
        foreach (var m in items)
        {
            if (!names.TryGetValue(m.DistrictOrgUnitId, out var named))
                names[m.DistrictOrgUnitId] = named = (await offers.ForOrgAsync(db, m.DistrictOrgUnitId, ct)).ToDictionary(o => o.BenefitId, o => o.Name);
            listings.Add(new MerchantListing(m.Id, m.Name, m.Category, m.Address, m.DistrictOrgUnitId, m.District!.Name, m.Discount,
                m.Benefits.OrderBy(b => b.BenefitId).Select(b => new BenefitName(b.BenefitId, named.GetValueOrDefault(b.BenefitId, b.BenefitId))).ToList(),
                m.ActiveUntil is { } until ? MerchantInput.DayOf(until).AddDays(-1) : null, m.ContactPhone));
        }
        return (listings, next);
    }

    /// <summary>The categories and districts of today's merchants, for the directory's filters.</summary>
    public async Task<MerchantFacets> FacetsAsync(CancellationToken ct)
    {
        var categories = await Active().Select(m => m.Category).Distinct().OrderBy(c => c).ToListAsync(ct);
        var districts = await Active().Select(m => new { m.DistrictOrgUnitId, m.District!.Name }).Distinct().ToListAsync(ct);
        return new MerchantFacets(categories, districts.OrderBy(d => d.Name).Select(d => new DistrictFacet(d.DistrictOrgUnitId, d.Name)).ToList());
    }

    private IQueryable<Merchant> Active()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Merchants.AsNoTracking().Where(m => m.DeactivatedAt == null
            && (m.ActiveFrom == null || m.ActiveFrom <= now) && (m.ActiveUntil == null || m.ActiveUntil > now));
    }
}

/// <summary>A merchant as members find it; <c>ActiveUntil</c> is the last day it honours the card (CST), null when open-ended.</summary>
internal sealed record MerchantListing(long Id, string Name, string Category, string? Address, int DistrictId, string DistrictName,
    string? Discount, List<BenefitName> Benefits, DateOnly? ActiveUntil, string? ContactPhone);

internal sealed record BenefitName(string Id, string Name);

internal sealed record MerchantFacets(List<string> Categories, List<DistrictFacet> Districts);

internal sealed record DistrictFacet(int Id, string Name);
