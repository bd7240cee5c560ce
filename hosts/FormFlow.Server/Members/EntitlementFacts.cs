using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Cases;
using FormFlow.Persistence.Members;
using FormFlow.Server.Cases;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Members;

/// <summary>
/// <c>caseInfo.entitlements</c>: the applicant's benefits as the store counts them now, <c>{benefitId: {used, quota,
/// remaining, period}}</c>, empty when the applicant is no member. The benefits workflow redeems on these, so it
/// tells the member what the store will record.
/// </summary>
internal sealed class EntitlementFacts : ICaseFacts
{
    public async Task AddAsync(FormFlowDbContext db, Case row, DateTimeOffset now, JsonObject facts, CancellationToken ct)
    {
        var entitlements = await db.Entitlements.AsNoTracking().Where(e => e.Member!.AccountId == row.ApplicantAccountId).ToListAsync(ct);
        facts["entitlements"] = Describe(entitlements, now);
    }

    /// <summary>The facts of these entitlements at <paramref name="now"/> (also for writers that hold them in memory).</summary>
    public static JsonObject Describe(IEnumerable<Entitlement> entitlements, DateTimeOffset now)
    {
        var byBenefit = new JsonObject();
        foreach (var e in entitlements)
        {
            var period = Quotas.PeriodOf(e.Period, now);
            var used = e.UsedIn(period);
            byBenefit[e.BenefitId] = new JsonObject { ["used"] = used, ["quota"] = e.Quota, ["remaining"] = Math.Max(0, e.Quota - used), ["period"] = period };
        }
        return byBenefit;
    }
}
