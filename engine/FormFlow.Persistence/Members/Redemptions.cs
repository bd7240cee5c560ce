using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence.Members;

/// <summary>Recording a use of an entitlement: idempotent by key, and never beyond the quota of the period.</summary>
public static class Redemptions
{
    /// <summary>
    /// Claims one use (<see cref="Quotas.TryUseAsync"/>) and adds the redemption to the context. Runs inside the
    /// caller's transaction, which the caller commits with SaveChanges, so the claimed use and the row commit together.
    /// </summary>
    public static async Task<RedemptionOutcome> RecordAsync(
        FormFlowDbContext db, Entitlement entitlement, Redemption redemption, CancellationToken ct = default)
    {
        if (await FindAsync(db, redemption.IdempotencyKey, ct) is { } earlier) return new RedemptionOutcome.Replayed(earlier);
        if (!await Quotas.TryUseAsync(db, entitlement.Id, redemption.Period, ct))
        {
            var used = await db.Entitlements.Where(e => e.Id == entitlement.Id)
                .Select(e => e.CurrentPeriod == redemption.Period ? e.UsedInPeriod : 0).SingleAsync(ct);
            return new RedemptionOutcome.QuotaExhausted(used, entitlement.Quota, redemption.Period);
        }
        redemption.EntitlementId = entitlement.Id;
        db.Redemptions.Add(redemption);
        return new RedemptionOutcome.Recorded(redemption);
    }

    /// <summary>A redemption with the key, added in this context or stored.</summary>
    public static async Task<Redemption?> FindAsync(FormFlowDbContext db, string idempotencyKey, CancellationToken ct = default) =>
        db.Redemptions.Local.FirstOrDefault(r => r.IdempotencyKey == idempotencyKey)
        ?? await db.Redemptions.SingleOrDefaultAsync(r => r.IdempotencyKey == idempotencyKey, ct);
}

public abstract record RedemptionOutcome
{
    public sealed record Recorded(Redemption Redemption) : RedemptionOutcome;
    /// <summary>The key was used before: nothing new was recorded.</summary>
    public sealed record Replayed(Redemption Redemption) : RedemptionOutcome;
    public sealed record QuotaExhausted(int Used, int Quota, string Period) : RedemptionOutcome;
}
