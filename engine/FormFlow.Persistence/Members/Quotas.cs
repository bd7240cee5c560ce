using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence.Members;

/// <summary>
/// Claims one use of an entitlement's quota with a single conditional UPDATE: the row changes only while uses in the
/// period are below the quota (a new period starts again at one). PostgreSQL re-checks the condition on the row a
/// concurrent writer just committed, and SQLite runs one writer at a time, so of two claims racing for the last use
/// exactly one changes the row. Run it inside the transaction that records the redemption, so both commit together.
/// </summary>
public static class Quotas
{
    /// <summary>The period a moment falls in: the calendar year in China Standard Time (UTC+8).</summary>
    public static string PeriodOf(QuotaPeriod period, DateTimeOffset at) => period switch
    {
        QuotaPeriod.Year => at.ToOffset(ChinaStandardTime).Year.ToString("D4"),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
    };

    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <returns>True when the use was claimed; false when the quota of the period is exhausted.</returns>
    public static async Task<bool> TryUseAsync(FormFlowDbContext db, long entitlementId, string period, CancellationToken ct = default)
    {
        var changed = await db.Entitlements
            .Where(e => e.Id == entitlementId && (e.CurrentPeriod != period || e.UsedInPeriod < e.Quota))
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.UsedInPeriod, e => e.CurrentPeriod == period ? e.UsedInPeriod + 1 : 1)
                .SetProperty(e => e.CurrentPeriod, period), ct);
        return changed == 1;
    }
}
